// A resumable upload in miniature, in the style of tus: the file goes up in parts, each a PATCH
// at the offset the server has; a dropped connection loses only the part in flight; a HEAD asks
// the server how much it has, and the upload goes on from there.
const http = require('http');

const file = Buffer.from('The quick brown fox jumps over the lazy dog!');
const PART = 10;
const CUT_AT = 2 * PART;
let stored = Buffer.alloc(0); // what the server has acknowledged
let cut = false;

const server = http.createServer((req, res) => {
  if (req.method === 'HEAD') {
    res.writeHead(200, { 'Upload-Offset': stored.length });
    return res.end();
  }
  if (Number(req.headers['upload-offset']) !== stored.length) {
    res.writeHead(409); // the client is wrong about the offset: it must ask first
    return res.end();
  }
  const body = [];
  req.on('data', (chunk) => {
    body.push(chunk);
    // The network fails once, here: the connection is torn down with half a part across.
    if (stored.length === CUT_AT && !cut) {
      cut = true;
      req.socket.destroy();
    }
  });
  req.on('aborted', () => console.log('server: the connection dropped mid-part; the partial part is discarded'));
  req.on('end', () => {
    stored = Buffer.concat([stored, ...body]);
    res.writeHead(204, { 'Upload-Offset': stored.length });
    res.end();
  });
});

function progress(acked) {
  return `${acked}/${file.length} bytes acknowledged (${Math.round((100 * acked) / file.length)}%)`;
}

function patch(offset, done) {
  const part = file.subarray(offset, offset + PART);
  const req = http.request({ port: server.address().port, method: 'PATCH', agent: false,
    headers: { 'Upload-Offset': offset, 'Content-Length': part.length } });
  req.on('response', (res) => {
    res.resume();
    const acked = Number(res.headers['upload-offset']);
    console.log(`PATCH at ${offset}: ${res.statusCode}, ${progress(acked)}`);
    done(null, acked);
  });
  req.on('error', (err) => done(err));
  // The part at CUT_AT stalls after its first half, and the network fails under it.
  if (offset === CUT_AT && !cut) {
    req.write(part.subarray(0, PART / 2));
  } else {
    req.end(part);
  }
}

function head(done) {
  http.request({ port: server.address().port, method: 'HEAD', agent: false }, (res) => {
    res.resume();
    done(Number(res.headers['upload-offset']));
  }).end();
}

function upload(offset) {
  if (offset === file.length) {
    console.log('upload complete:', stored.equals(file) ? 'the server has every byte' : 'MISMATCH');
    return server.close();
  }
  patch(offset, (err, acked) => {
    if (!err) return upload(acked);
    console.log(`client: ${err.code} (${err.message}) while sending bytes ${offset}-${offset + PART}`);
    head((at) => {
      console.log(`HEAD: the server has ${at} bytes; resuming with only the missing ones`);
      upload(at);
    });
  });
}

server.listen(0, () => upload(0));
