// An HTTP/1.0 client may not understand chunking, so node answers it without: the body goes as
// written and 'Connection: close' marks its end by closing. Only a client that asks for chunks
// (TE: chunked) gets them, and keep-alive is kept only when the caller set a Content-Length.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  console.log('server:', req.method, req.url, 'HTTP/' + req.httpVersion);
  if (req.url === '/pieces') {
    res.write('one,');
    res.end('two');
  } else if (req.url === '/whole') {
    res.end('whole body');
  } else if (req.url === '/sized') {
    res.setHeader('Content-Length', 5);
    res.end('sized');
  } else {
    res.write('a');
    res.end('b');
  }
});

// Sends one raw request and prints the raw answer, less its Date header.
function send(raw, next) {
  const client = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  client.setEncoding('latin1');
  client.on('data', (text) => {
    got += text;
    // A kept-alive answer does not end by itself: the client hangs up after its 5 bytes.
    if (got.endsWith('\r\n\r\nsized')) client.end();
  });
  client.on('end', () => console.log('client: the server ended the connection'));
  client.on('close', () => {
    console.log('client got', JSON.stringify(got.replace(/Date: [^\r]*\r\n/, '')));
    next();
  });
  client.write(raw);
}

server.listen(0, '127.0.0.1', () => {
  send('GET /pieces HTTP/1.0\r\n\r\n', () =>
    send('GET /whole HTTP/1.0\r\n\r\n', () =>
      send('GET /whole HTTP/1.0\r\nConnection: keep-alive\r\n\r\n', () =>
        send('GET /sized HTTP/1.0\r\nConnection: keep-alive\r\n\r\n', () =>
          send('GET /chunks HTTP/1.0\r\nTE: chunked\r\n\r\n', () =>
            server.close(() => console.log('server closed')))))));
});
