// The server drops a connection while a request body is still coming: the server's request is
// aborted and closes, the response closes unanswered, and the client hears "socket hang up".
// A request destroyed before it has a socket fails the same way, without a 'socket' event.
const http = require('http');

const server = http.createServer((req, res) => {
  req.on('aborted', () => console.log('server: aborted, complete =', req.complete));
  req.on('error', (err) => console.log('server: req error', err.code, err.message));
  req.on('close', () => console.log('server: req close'));
  res.on('close', () => console.log('server: res close, headersSent =', res.headersSent));
  req.once('data', (chunk) => {
    console.log('server: got', chunk.length, 'of', req.headers['content-length'], 'bytes; dropping the connection');
    req.socket.destroy();
  });
});

server.listen(0, () => {
  const port = server.address().port;
  const req = http.request({ port, method: 'POST', agent: false, headers: { 'Content-Length': 8 } });
  req.on('error', (err) => console.log('client: error', err.code, err.message));
  req.on('close', () => {
    console.log('client: close');
    const early = http.request({ port, agent: false });
    early.on('socket', () => console.log('early: socket (never)'));
    early.on('error', (err) => console.log('early: error', err.code, err.message));
    early.on('close', () => { console.log('early: close'); server.close(); });
    early.destroy();
    console.log('early: destroyed before its socket');
  });
  req.write('half');
});
