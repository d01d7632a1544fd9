// Connecting to a port nobody listens on (9, discard): the connect request fails in the poll
// phase, and Node reports ECONNREFUSED as an 'error' event, then 'close'.
const net = require('net');

const socket = net.connect(9, '127.0.0.1');
console.log('connecting:', socket.connecting);
socket.on('connect', () => console.log('connected?!'));
socket.on('error', (err) => {
  console.log('error:', err.message);
  console.log(err.code, err.syscall, err.address, err.port);
});
socket.on('close', (hadError) => console.log('close, hadError =', hadError));
process.nextTick(() => console.log('nextTick: connect() is issued, nothing is known yet'));
