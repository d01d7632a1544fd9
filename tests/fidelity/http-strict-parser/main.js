// llhttp's strict parsing: a malformed request gets 400 (431 for a head too large) and the
// connection closes; a malformed response fails the client's request with the parser's code.
const http = require('http');
const net = require('net');

const BAD = [
  ['a method nobody knows', 'FETCH / HTTP/1.1\r\nHost: a\r\n\r\n'],
  ['junk after a request', 'GET / HTTP/1.1\r\nHost: a\r\n\r\n\r\nhello world'],
  ['a bare LF in a header', 'GET / HTTP/1.1\r\nHost: a\r\nX: y\nContent-Length: 3\r\n\r\n'],
  ['two Content-Lengths', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'],
  ['Content-Length with chunked', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ['chunked twice', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n'],
  ['a bad chunk size', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
  ['a header without a colon', 'GET / HTTP/1.1\r\nHost a\r\n\r\n'],
  ['a head too large', `GET / HTTP/1.1\r\nX: ${'a'.repeat(17000)}\r\n\r\n`],
];

const server = http.createServer((req, res) => {
  console.log('server: request', req.method, req.url);
  if (req.method === 'HEAD') {
    res.writeHead(200, { 'Transfer-Encoding': 'chunked' });
    res.end('a HEAD response has no body');
    return;
  }
});
server.on('clientError', (err, socket) => {
  console.log('server: clientError', err.code, err.message);
  socket.end(err.code === 'HPE_HEADER_OVERFLOW'
    ? 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n'
    : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
});

function send([name, bytes], done) {
  const c = net.connect(server.address().port, () => c.end(bytes));
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('close', () => {
    console.log(`${name}: ${got.split('\r\n')[0] || '(nothing)'}`);
    done();
  });
}

function badResponse(done) {
  const liar = net.createServer((s) => {
    s.once('data', () => s.end('HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n'));
  });
  liar.listen(0, () => {
    http.get({ port: liar.address().port }, () => console.log('never'))
      .on('error', (e) => {
        console.log('client: error', e.code, e.message);
        liar.close();
        done();
      });
  });
}

server.listen(0, () => {
  const next = (i) => {
    if (i < BAD.length) return send(BAD[i], () => next(i + 1));
    const req = http.request({ port: server.address().port, method: 'HEAD' }, (res) => {
      res.on('data', (d) => console.log('never: a body', String(d)));
      res.on('end', () => {
        console.log('HEAD: ended without a body,', res.headers['transfer-encoding']);
        server.close();
        badResponse(() => {});
      });
    });
    req.end();
  };
  next(0);
});
