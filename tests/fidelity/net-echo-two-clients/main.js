// A TCP echo server and two clients. Each client sends a line, reads the echo, and ends;
// the server sees each 'end' and the sockets close. Only deterministic facts are printed.
const net = require('net');

const server = net.createServer((socket) => {
  console.log('server: connection from', socket.remoteFamily);
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    console.log('server: got', JSON.stringify(chunk));
    socket.write(chunk.toUpperCase());
  });
  socket.on('end', () => {
    console.log('server: end');
    socket.end();
  });
  socket.on('close', (hadError) => {
    console.log('server: socket closed, hadError =', hadError);
  });
});

function client(name, next) {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    console.log(`${name}: connected, remotePort matches:`, c.remotePort === server.address().port);
    c.write(`hello from ${name}\n`);
  });
  c.setEncoding('utf8');
  c.on('data', (d) => {
    console.log(`${name}: echo`, JSON.stringify(d));
    c.end();
  });
  c.on('end', () => console.log(`${name}: end`));
  c.on('finish', () => console.log(`${name}: finish`));
  c.on('close', () => {
    console.log(`${name}: close`);
    if (next) next();
    else server.close(() => console.log('server: closed'));
  });
}

server.listen(0, '127.0.0.1', () => {
  const { address, family } = server.address();
  console.log('listening on', address, family);
  // The second client connects once the first has closed, so the output has one order.
  client('a', () => client('b'));
});
