// 'end' is not 'close'. With allowHalfOpen the server reads the client's FIN ('end') and can
// still answer before ending its own side; without it, Node ends the socket for you. Then
// 'finish' (our FIN sent), 'close' (the handle closed, in the close phase).
const net = require('net');

function run(allowHalfOpen, done) {
  const tag = allowHalfOpen ? 'half-open' : 'default';
  const server = net.createServer({ allowHalfOpen }, (socket) => {
    socket.setEncoding('utf8');
    let text = '';
    socket.on('data', (d) => { text += d; });
    socket.on('end', () => {
      console.log(`${tag} server: end after ${JSON.stringify(text)}; writable: ${socket.writable}`);
      if (socket.writable) socket.end(`reply to ${text}`);
    });
    socket.on('finish', () => console.log(`${tag} server: finish`));
    socket.on('close', () => {
      console.log(`${tag} server: close`);
      server.close(done);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const client = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
    client.setEncoding('utf8');
    client.end('question');
    client.on('data', (d) => console.log(`${tag} client: data ${JSON.stringify(d)}`));
    client.on('end', () => console.log(`${tag} client: end`));
    client.on('close', () => console.log(`${tag} client: close`));
  });
}

run(true, () => run(false, () => console.log('done')));
