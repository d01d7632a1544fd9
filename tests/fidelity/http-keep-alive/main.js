// An HTTP server and a keep-alive Agent: three requests in turn over one TCP connection.
// Responses come with a Content-Length (end(body)) or chunked (write() then end()).
const http = require('http');

let connections = 0;
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    console.log(`server: ${req.method} ${req.url} HTTP/${req.httpVersion}`,
      `connection=${req.headers.connection}`, body ? `body=${JSON.stringify(body)}` : '');
    if (req.url === '/chunked') {
      res.setHeader('Content-Type', 'text/plain');
      res.write('first part, ');
      res.end('second part');
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ url: req.url, method: req.method }));
    }
  });
});
server.on('connection', () => connections++);

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(path, method, payload) {
  return new Promise((resolve, reject) => {
    const port = server.address().port;
    const req = http.request({ port, host: '127.0.0.1', path, method, agent }, (res) => {
      const { date, ...headers } = res.headers;
      console.log(`client: ${res.statusCode} ${res.statusMessage}`, JSON.stringify(headers),
        'date?', typeof date, 'reused:', req.reusedSocket);
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        console.log('client: body', text);
        resolve();
      });
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

server.listen(0, '127.0.0.1', async () => {
  await get('/hello', 'GET');
  await get('/chunked', 'GET');
  await get('/submit', 'POST', 'name=looplab');
  console.log('connections accepted:', connections);
  agent.destroy();
  server.close(() => console.log('server closed'));
});
