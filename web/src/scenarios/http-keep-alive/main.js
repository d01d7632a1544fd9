// An HTTP server and a keep-alive Agent: two requests in turn over one TCP connection. The first
// response has a Content-Length; the second is written in two parts, so it goes out chunked.
const http = require('http');

const server = http.createServer((req, res) => {
  console.log('server:', req.method, req.url, 'connection:', req.headers.connection);
  if (req.url === '/chunked') {
    res.write('first part, ');
    res.end('second part');
  } else {
    res.setHeader('Content-Length', 5);
    res.end('hello');
  }
});
let connections = 0;
server.on('connection', () => connections++);

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(path) {
  return new Promise((resolve) => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        console.log('client:', res.statusCode, path, JSON.stringify(body), 'reused socket:', req.reusedSocket);
        resolve();
      });
    });
  });
}

server.listen(0, '127.0.0.1', async () => {
  await get('/hello');
  await get('/chunked');
  console.log('connections accepted:', connections);
  agent.destroy();
  server.close(() => console.log('server closed'));
});
