const http = require('http');
const server = http.createServer((req, res) => {
  const body = JSON.stringify({ path: req.url, agent: typeof req.headers['user-agent'] });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  http.get(`http://127.0.0.1:${server.address().port}/hello?x=1`, (res) => {
    console.log(res.statusCode, res.headers['content-type'], res.headers['content-length']);
    let data = '';
    res.on('data', (d) => { data += d; });
    res.on('end', () => {
      console.log(JSON.parse(data));
      server.close();
    });
  }).on('error', (e) => console.log('error', e.code));
  process.nextTick(() => console.log('request sent (tick)'));
});
process.on('exit', (code) => console.log('exit', code));
