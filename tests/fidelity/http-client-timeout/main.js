// A client request's timeout is its socket's idle timeout: 'timeout' only tells; destroying the
// request is the caller's move. The server sees the client go: its request is aborted.
const http = require('http');

// What the server saw is told at exit: when it sees the client go is the OS's timing.
const seen = { aborted: 0, closedUnfinished: 0 };
process.on('exit', () => console.log('server saw', seen));

const server = http.createServer((req, res) => {
  req.on('aborted', () => seen.aborted++);
  res.on('close', () => { if (!res.writableFinished) seen.closedUnfinished++; });
  if (req.url === '/slow') setTimeout(() => res.end('late'), 200);
  // '/never' gets no answer at all.
});

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const first = http.request({ port, host: '127.0.0.1', path: '/never' });
  first.setTimeout(10, () => {
    console.log('client: setTimeout callback');
    first.destroy();
  });
  first.on('error', (e) => console.log('client: error', e.code, e.message));
  first.on('close', () => {
    console.log('client: closed, destroyed:', first.destroyed);
    const second = http.get({ port, host: '127.0.0.1', path: '/slow', timeout: 10 });
    second.on('timeout', () => {
      console.log('client: timeout event, timeout option', second.timeout);
      second.destroy(new Error('too slow'));
    });
    second.on('error', (e) => console.log('client: error', e.message));
    second.on('close', () => {
      console.log('client: second closed');
      server.close();
    });
  });
  first.end();
});
