// A socket paused before its data arrives keeps that data in the kernel: when it is resumed
// (here 50 ms later), the poller reports the socket readable again and the data and the end
// come in. A reader that pauses after every chunk gets the rest each time it resumes.
const net = require('net');

const server = net.createServer((socket) => {
  socket.end('greetings, all at once');
});

server.listen(0, () => {
  const { port } = server.address();
  const early = net.connect(port, () => console.log('paused client: connected, paused =', early.isPaused()));
  early.pause();
  early.setEncoding('utf8');
  early.on('data', (d) => console.log('paused client: data', JSON.stringify(d)));
  early.on('end', () => console.log('paused client: end'));
  early.on('close', () => {
    console.log('paused client: close');
    slowReader(port);
  });
  setTimeout(() => {
    console.log('paused client: resume after 50 ms');
    early.resume();
  }, 50);
});

// The server writes 1 MiB; the client pauses for 5 ms after each chunk it gets.
function slowReader(port) {
  server.removeAllListeners('connection');
  server.on('connection', (socket) => {
    socket.write(Buffer.alloc(1 << 20, 'x'));
    socket.end();
  });
  const conn = net.connect(port);
  let received = 0;
  conn.on('data', (chunk) => {
    received += chunk.length;
    conn.pause();
    setTimeout(() => conn.resume(), 5);
  });
  conn.on('end', () => {
    console.log('slow reader: end after', received, 'bytes');
    server.close(() => console.log('server closed'));
  });
}
