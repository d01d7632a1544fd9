const http = require('http');
const server = http.createServer((req, res) => {
  console.log('server got', req.method, req.url, req.headers['transfer-encoding'] ?? 'no transfer-encoding');
  req.setEncoding('utf8');
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    console.log('server body', JSON.stringify(body));
    res.write('first ');
    res.write('second ');
    res.end('last');
  });
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ port: server.address().port, method: 'POST', path: '/upload' }, (res) => {
    console.log('client status', res.statusCode, res.headers['transfer-encoding']);
    res.setEncoding('utf8');
    const parts = [];
    res.on('data', (d) => parts.push(d));
    res.on('end', () => {
      console.log('client body', JSON.stringify(parts.join('')));
      server.close(() => console.log('server closed'));
    });
  });
  req.write('a');
  req.write('b');
  req.end('c');
});
