// A TCP echo server and two clients on one loop. The listening socket is one handle; each
// accepted connection and each client is another, and the poll phase reads whichever is ready.
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('data', (data) => socket.write(data.toString().toUpperCase()));
  socket.on('end', () => socket.end());
});

let open = 2;
function client(name) {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write(`hello from ${name}\n`);
  });
  c.on('data', (data) => {
    console.log(`${name} got back`, JSON.stringify(data.toString()));
    c.end();
  });
  c.on('close', () => {
    console.log(`${name} closed`);
    if (--open === 0) server.close(() => console.log('server closed: nothing keeps the loop alive'));
  });
}

server.listen(0, '127.0.0.1', () => {
  console.log('listening');
  client('a');
  client('b');
});
