// A refused connection with no 'error' listener: the socket's 'error' event is unhandled, so
// EventEmitter throws it and the process dies with Node's report (exit status 1).
const net = require('net');

const socket = net.connect(9, '127.0.0.1');
socket.on('close', () => console.log('never: the process is gone before the close phase'));
process.on('exit', (code) => console.log('exit', code));
