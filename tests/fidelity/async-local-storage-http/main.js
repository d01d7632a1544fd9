// The usual use of AsyncLocalStorage: each request handled inside its own run(), so code deep
// in the async work that follows reads that request's id without passing it along, even with
// two requests in flight at once.
const http = require('http');
const { AsyncLocalStorage } = require('async_hooks');
const { setTimeout: sleep } = require('timers/promises');

const requestContext = new AsyncLocalStorage();

function logLine(text) {
  return `[request ${requestContext.getStore().id}] ${text}`;
}

const server = http.createServer((req, res) => {
  const id = req.url.slice(1);
  requestContext.run({ id }, async () => {
    await sleep(id === 'a' ? 30 : 5);
    const line = logLine('answered after its wait');
    res.end(line);
  });
});

server.listen(0, () => {
  const { port } = server.address();
  const get = (path) => new Promise((resolve) => {
    http.get({ port, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve(body));
    });
  });
  Promise.all([get('/a'), get('/b')]).then((bodies) => {
    console.log(bodies.join('\n'));
    console.log('outside any request:', requestContext.getStore());
    server.close();
  });
});
