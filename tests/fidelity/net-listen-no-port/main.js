// server.listen(cb) and server.listen() with no port: the server takes a free port the system
// picks, and 'listening' (with the callback) comes on the next tick.
const net = require('net');

const server = net.createServer();
server.on('connection', (socket) => socket.end('hello from a free port\n'));
server.listen(function () {
  const { port, address, family } = server.address();
  console.log('listening; this is the server:', this === server);
  console.log('port is a number above 0:', Number.isInteger(port) && port > 0, address, family);
  const client = net.connect(port, '127.0.0.1');
  client.setEncoding('utf8');
  client.on('data', (text) => console.log('client got', JSON.stringify(text)));
  client.on('close', () => {
    console.log('client closed');
    server.close(listenWithNothing);
  });
});
console.log('listening right after listen():', server.listening);

function listenWithNothing() {
  console.log('first server closed');
  const second = net.createServer((socket) => socket.destroy());
  second.on('listening', () => {
    console.log('second listening:', second.address().port > 0);
    second.close(listenWithNull);
  });
  second.listen();
}

function listenWithNull() {
  console.log('second server closed');
  const third = net.createServer();
  const options = { port: undefined, host: '127.0.0.1' };
  third.listen(options, () => {
    console.log('third listening on', third.address().address, 'options.port now', options.port);
    third.close(() => console.log('third server closed'));
  });
}
