// http.createServer() with no arguments gets its handler later through 'request', and
// server.listen(cb) with no port listens on a free port the system picks.
const http = require('http');

const server = http.createServer();
server.on('request', (req, res) => {
  console.log('server: request', req.method, req.url);
  res.end('answered on a free port\n');
});
server.listen(() => {
  const { port } = server.address();
  console.log('listening on a free port:', Number.isInteger(port) && port > 0);
  http.get({ host: '127.0.0.1', port, path: '/hello' }, (res) => {
    console.log('client: status', res.statusCode);
    res.setEncoding('utf8');
    let body = '';
    res.on('data', (chunk) => { body += chunk; });
    res.on('end', () => {
      console.log('client: body', JSON.stringify(body));
      server.close(() => console.log('server closed'));
    });
  });
});

try {
  http.createServer(5);
} catch (err) {
  console.log(err.code, err.message);
}
