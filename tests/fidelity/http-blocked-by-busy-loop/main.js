// A server cannot answer while its JavaScript runs: a request that arrives during a 100 ms
// loop waits for the loop to end.
const http = require('http');
const server = http.createServer((req, res) => res.end('hello'));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const sent = Date.now();
  let blockedFor = 0;
  http.get({ port, host: '127.0.0.1', path: '/' }, (res) => {
    let body = '';
    res.on('data', (chunk) => (body += chunk));
    res.on('end', () => {
      const waited = Date.now() - sent;
      console.log('answer:', body);
      console.log('the answer waited for the loop:', waited >= blockedFor);
      console.log('the loop ran about 100 ms:', blockedFor >= 100 && blockedFor < 1000);
      server.close();
    });
  });
  // The request is on its way; the server's thread is now busy.
  setImmediate(() => {
    const start = Date.now();
    while (Date.now() - start < 100) {}
    blockedFor = Date.now() - sent;
  });
});
