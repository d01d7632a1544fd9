// A client destroys its request mid-body: its 'error' comes once, then 'close'. The server's
// request is aborted ('aborted', then its error to the listener, then 'close') and the response
// closes unanswered. The server's events are printed at the end, so the two sides never race.
const http = require('http');

const seen = [];
const server = http.createServer((req, res) => {
  for (const e of ['aborted', 'end', 'error', 'close']) {
    req.on(e, (x) => seen.push(`server req ${e}${x ? ` ${x.code} ${x.message}` : ''} aborted=${req.aborted}`));
  }
  for (const e of ['finish', 'close']) res.on(e, () => seen.push(`server res ${e} writableEnded=${res.writableEnded}`));
  req.on('data', (c) => {
    seen.push(`server data ${c.length}`);
    giveUp();
  });
});
let giveUp;
process.on('exit', () => console.log(seen.join('\n')));

server.listen(0, () => {
  const req = http.request({ port: server.address().port, method: 'PUT', agent: false,
    headers: { 'Content-Length': 10 } });
  for (const e of ['socket', 'error', 'close']) {
    req.on(e, (x) => console.log(`client ${e}${x && x.message ? ` ${x.message}` : ''} destroyed=${req.destroyed}`));
  }
  req.write('abcde');
  // Once the server has the first half, the client gives up on the rest.
  giveUp = () => {
    req.destroy(new Error('gave up'));
    console.log('destroy() returned; destroyed =', req.destroyed);
    req.destroy(new Error('twice'));
    server.close();
  };
});
