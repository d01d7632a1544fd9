const net = require('net');
const first = net.createServer();
first.listen(0, '127.0.0.1', () => {
  const { port } = first.address();
  const second = net.createServer();
  second.on('error', (err) => {
    console.log('second listen:', err.code, err.syscall, err.errno);
    // A peer that goes away with unread data: its close is a reset.
    first.once('connection', (socket) => {
      socket.on('data', (d) => console.log('server read', String(d)));
      socket.on('error', (e) => console.log('server socket error:', e.code, e.syscall));
      socket.on('close', (hadError) => {
        console.log('server socket close, hadError:', hadError);
        first.close(() => console.log('closed'));
      });
    });
    const client = net.connect(port, '127.0.0.1', () => {
      client.write('bye');
      client.resetAndDestroy();
    });
    client.on('close', () => console.log('client close'));
  });
  second.listen(port, '127.0.0.1');
});
