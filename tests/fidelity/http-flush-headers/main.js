// flushHeaders sends a message's head at once: the other side sees it before any body.
const http = require('http');

const server = http.createServer((req, res) => {
  console.log('server: request with foo =', req.headers.foo, ', chunked:', req.headers['transfer-encoding']);
  res.setHeader('x-early', 'yes');
  res.flushHeaders();
  console.log('server: headersSent', res.headersSent);
  // The body comes later: the client has the response by then.
  setTimeout(() => res.end('late body'), 20);
  req.resume();
});

server.listen(0, () => {
  const req = http.request({ port: server.address().port, method: 'POST' }, (res) => {
    console.log('client: response', res.statusCode, res.headers['x-early'], res.headers['transfer-encoding']);
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log('client: body', body);
      server.close();
    });
  });
  req.setHeader('foo', 'bar');
  req.flushHeaders();
  console.log('client: headersSent', req.headersSent);
  setTimeout(() => req.end(), 5);
});
