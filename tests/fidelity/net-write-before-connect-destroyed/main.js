// A write on a socket still connecting waits for 'connect'; if the socket is destroyed first,
// the write's callback gets ERR_SOCKET_CLOSED_BEFORE_CONNECTION after 'close', and no 'error' is
// emitted (the socket was destroyed without one).
const net = require('net');

const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.on('error', (err) => console.log('client error', err.code));
  client.on('close', (hadError) => console.log('client closed, hadError =', hadError));
  const ok = client.write('too early', (err) => {
    console.log('write callback:', err.code, '-', err.message);
    console.log('instance of Error:', err instanceof Error, 'name:', err.name);
    server.close(() => console.log('server closed'));
  });
  console.log('connecting:', client.connecting, 'write returned', ok);
  client.destroy();
  console.log('destroyed:', client.destroyed);
});
