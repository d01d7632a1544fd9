// Ctrl-C for a server: the first SIGINT is heard by the listener, which closes the server and a
// timer, so the process ends on its own with status 0 (tests/signals.rs sends the signals).
const net = require('net');
const server = net.createServer();
const tick = setInterval(() => {}, 1000);
let heard = 0;
process.on('SIGINT', (name, signum) => {
  heard += 1;
  console.log(`heard ${name} ${signum} (${heard})`);
  server.close(() => console.log('server closed'));
  clearInterval(tick);
});
process.on('exit', (code) => console.log('exit', code));
server.listen(0, '127.0.0.1', () => console.log('ready'));
