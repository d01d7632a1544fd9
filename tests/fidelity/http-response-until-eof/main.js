// A response with neither Content-Length nor chunking has a body that lasts until the server
// closes the connection: the client's 'end' comes with the connection's end. The server answers
// without reading the request, which stays unread in its socket; once the client hangs up, that
// socket has seen its end and waits for nothing, so the process exits.
const http = require('http');
const net = require('net');

const server = net.createServer((socket) => {
  console.log('server: connection');
  socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n');
  socket.write('first part, ');
  setTimeout(() => socket.end('last part'), 20);
});

server.listen(0, '127.0.0.1', () => {
  const req = http.get({ host: '127.0.0.1', port: server.address().port, path: '/eof' }, (res) => {
    console.log('client: status', res.statusCode, 'content-type', res.headers['content-type']);
    console.log('client: content-length', res.headers['content-length'],
      'transfer-encoding', res.headers['transfer-encoding']);
    res.setEncoding('utf8');
    res.on('data', (chunk) => console.log('client: data', JSON.stringify(chunk)));
    res.on('end', () => console.log('client: end, complete =', res.complete));
    res.on('close', () => {
      console.log('client: response closed');
      server.close();
    });
  });
  req.on('close', () => console.log('client: request closed'));
});
