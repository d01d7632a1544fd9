const http = require('http');
const server = http.createServer((req, res) => res.end('plain'));
server.on('upgrade', (req, socket, head) => {
  console.log('server upgrade', req.headers.upgrade, req.headers.connection, head.length);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  socket.on('data', (d) => socket.end(`echo:${d}`));
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ port: server.address().port, headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
  req.on('upgrade', (res, socket, head) => {
    console.log('client upgrade', res.statusCode, res.headers.upgrade, head.length);
    socket.setEncoding('utf8');
    socket.on('data', (d) => console.log('client got', d));
    socket.on('end', () => { console.log('client end'); server.close(() => console.log('closed')); });
    socket.write('hi');
  });
  req.end();
});
