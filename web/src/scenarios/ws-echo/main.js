// A WebSocket echo server written by hand on Node's http 'upgrade' event (Node 20 has no
// WebSocket server), and a client that does the handshake the same way. Every byte is here:
// the Sec-WebSocket-Accept hash (RFC 6455 §4.2.2) and frames with FIN, opcode, MASK and length.
const http = require('http');
const crypto = require('crypto');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const accept = (key) => crypto.createHash('sha1').update(key + GUID).digest('base64');

// One whole frame: FIN=1, the opcode, a 7-bit or 16-bit length, and a masking key from clients.
function frame(opcode, payload, maskKey) {
  const body = Buffer.from(payload);
  const mask = maskKey ? 0x80 : 0;
  const head = body.length < 126
    ? [0x80 | opcode, mask | body.length]
    : [0x80 | opcode, mask | 126, body.length >> 8, body.length & 0xff];
  if (maskKey) for (let i = 0; i < body.length; i++) body[i] ^= maskKey[i % 4];
  return Buffer.concat([Buffer.from(head), maskKey || Buffer.alloc(0), body]);
}

// Calls onFrame for each whole frame in `chunk`; a partial frame waits in state.buf.
function readFrames(state, chunk, onFrame) {
  state.buf = Buffer.concat([state.buf, chunk]);
  for (;;) {
    const b = state.buf;
    if (b.length < 2) return;
    let len = b[1] & 0x7f;
    let off = 2;
    if (len === 126) {
      if (b.length < 4) return;
      len = b.readUInt16BE(2);
      off = 4;
    }
    const maskKey = b[1] & 0x80 ? b.subarray(off, off + 4) : null;
    if (maskKey) off += 4;
    if (b.length < off + len) return;
    const payload = Buffer.from(b.subarray(off, off + len));
    if (maskKey) for (let i = 0; i < len; i++) payload[i] ^= maskKey[i % 4];
    state.buf = b.subarray(off + len);
    onFrame(b[0] & 0x0f, payload);
  }
}

const server = http.createServer((req, res) => res.writeHead(426).end());

server.on('upgrade', (req, socket) => {
  console.log('server: upgrade to', req.headers.upgrade);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${accept(req.headers['sec-websocket-key'])}\r\n\r\n`);
  const state = { buf: Buffer.alloc(0) };
  socket.on('data', (chunk) => readFrames(state, chunk, (opcode, payload) => {
    console.log('server: opcode', opcode, 'length', payload.length);
    if (opcode === 0x1) socket.write(frame(0x1, payload));
    else if (opcode === 0x9) socket.write(frame(0xa, payload));
    else if (opcode === 0x8) socket.end(frame(0x8, payload));
  }));
  socket.on('close', () => server.close(() => console.log('server: closed')));
});

server.listen(0, '127.0.0.1', () => {
  // RFC 6455's own example key, so the handshake's bytes are the same on every run.
  const key = 'dGhlIHNhbXBsZSBub25jZQ==';
  const maskKey = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);
  const req = http.request({
    port: server.address().port,
    host: '127.0.0.1',
    headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': key, 'Sec-WebSocket-Version': '13' },
  });
  req.on('upgrade', (res, socket) => {
    console.log('client:', res.statusCode, res.statusMessage, 'accept ok:', res.headers['sec-websocket-accept'] === accept(key));
    const toSend = [
      frame(0x9, 'are you there?', maskKey),
      frame(0x1, 'x'.repeat(200), maskKey),
      frame(0x8, Buffer.from([0x03, 0xe8]), maskKey), // close, code 1000
    ];
    const state = { buf: Buffer.alloc(0) };
    socket.on('data', (chunk) => readFrames(state, chunk, (opcode, payload) => {
      console.log('client: opcode', opcode, 'length', payload.length, opcode === 0x1 ? payload.toString().slice(0, 10) : payload.toString('hex'));
      if (toSend.length) socket.write(toSend.shift());
    }));
    socket.on('close', () => console.log('client: closed'));
    socket.write(frame(0x1, 'Hello', maskKey));
  });
  req.end();
});
