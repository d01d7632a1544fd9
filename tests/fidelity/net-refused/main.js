// Connecting to a port nobody listens on: the connect request fails in the poll phase with
// Node's ECONNREFUSED error; 'close' follows with hadError = true. Port 9 (discard) is closed.
const net = require('net');

const socket = net.connect(9, '127.0.0.1');
console.log('connecting:', socket.connecting, socket.readyState, socket.pending);
socket.on('connect', () => console.log('connected?!'));
socket.on('error', (err) => {
  console.log('error:', err.message);
  console.log('fields:', Object.keys(err).join(', '));
  console.log(err.errno, err.code, err.syscall, err.address, err.port);
  console.log('connecting:', socket.connecting, 'destroyed:', socket.destroyed);
});
socket.on('close', (hadError) => {
  console.log('close, hadError =', hadError);
  // A second server on a port already taken: EADDRINUSE from listen, on nextTick.
  const first = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = first.address();
    const second = net.createServer();
    second.on('error', (err) => {
      console.log('listen error:', err.message.replace(String(port), 'PORT'));
      console.log('fields:', Object.keys(err).join(', '), err.errno, err.code, err.syscall);
      console.log('second listening:', second.listening);
      first.close(() => console.log('first closed'));
    });
    second.listen(port, '127.0.0.1');
    console.log('second.listen returned');
  });
});
setImmediate(() => console.log('immediate after connect() was called'));
process.nextTick(() => console.log('tick: connect is issued on this tick'));
