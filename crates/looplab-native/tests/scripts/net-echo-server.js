// A TCP echo server that answers in upper case, serves one client and closes.
// Prints `listening <port>` first, for whoever starts it.
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('data', (d) => socket.write(String(d).toUpperCase()));
  socket.on('end', () => {
    console.log(`echoed ${socket.bytesRead} bytes`);
    socket.end();
  });
  socket.on('close', () => server.close(() => console.log('server closed')));
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
