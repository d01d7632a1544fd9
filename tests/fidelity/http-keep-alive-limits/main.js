// How an http server keeps a connection: its responses say "Connection: keep-alive" and
// "Keep-Alive: timeout=<whole seconds>, max=<requests>"; the last request a connection may
// carry (maxRequestsPerSocket) is answered with "Connection: close"; an idle connection is closed
// a second after keepAliveTimeout; and an HTTP/1.1 request without a Host header gets a 400.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  if (req.url === '/own') res.setHeader('Keep-Alive', 'timeout=1');
  res.end(`hello ${req.url}`);
});
server.keepAliveTimeout = 1500;
server.maxRequestsPerSocket = 2;

function heads(text) {
  return text.split(/(?=HTTP\/1\.1 )/)
    .map((part) => part.split('\r\n\r\n')[0])
    .map((head) => head.split('\r\n').filter((line) => !line.startsWith('Date:')).join(' | '));
}

function exchange(label, requests, next) {
  const socket = net.connect(server.address().port, () => socket.write(requests));
  let text = '';
  socket.setEncoding('latin1');
  socket.on('data', (d) => (text += d));
  socket.on('end', () => {
    console.log(`${label}:`);
    for (const head of heads(text)) console.log('  ', head);
    next();
  });
}

server.listen(0, () => {
  const get = (path) => `GET ${path} HTTP/1.1\r\nHost: here\r\n\r\n`;
  exchange('two requests on one connection', get('/a') + get('/b'), () => {
    exchange('a Keep-Alive header of its own', get('/own') + get('/last'), () => {
      exchange('no Host header', 'GET / HTTP/1.1\r\n\r\n', () => {
        server.keepAliveTimeout = 100;
        const started = Date.now();
        exchange('one request, then idle', get('/idle'), () => {
          console.log('closed by the server after about', Math.round((Date.now() - started) / 100) * 100, 'ms');
          server.close();
        });
      });
    });
  });
});
