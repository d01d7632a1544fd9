// A keep-alive agent's socket, after its response has ended: the request closes, then the socket
// says 'free' and the agent puts it in freeSockets (unref'd, so an idle pool does not keep the
// process alive). The next request to the same host and port reuses it.
const http = require('http');

const server = http.createServer((req, res) => res.end(`you asked for ${req.url}`));

server.listen(0, () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const port = server.address().port;
  get(agent, port, '/first', () => {
    console.log('free sockets:', Object.keys(agent.freeSockets).length, 'busy:', Object.keys(agent.sockets).length);
    get(agent, port, '/second', () => {
      agent.destroy();
      server.close(() => console.log('server closed'));
    });
  });
});

function get(agent, port, path, next) {
  const req = http.get({ port, path, agent }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (body += d));
    res.on('end', () => console.log(`${path}: end, body ${JSON.stringify(body)}, reused socket ${req.reusedSocket}`));
    res.on('close', () => console.log(`${path}: response close`));
  });
  req.on('close', () => console.log(`${path}: request close`));
  req.on('socket', (socket) => {
    socket.once('free', () => {
      console.log(`${path}: socket free`);
      setImmediate(next);
    });
  });
}
