// A WebSocket echo server written by hand on Node's http 'upgrade' event (Node 20 has no
// WebSocket server), and a client doing the handshake the same way. Every byte is visible:
// the Sec-WebSocket-Accept computation (RFC 6455 §4.2.2), frames with FIN, opcode, mask and
// length (§5.2), ping/pong (§5.5.2-3) and the closing handshake (§5.5.1).
const http = require('http');
const crypto = require('crypto');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const acceptKey = (key) => crypto.createHash('sha1').update(key + GUID).digest('base64');
const OPCODES = { 0x1: 'text', 0x2: 'binary', 0x8: 'close', 0x9: 'ping', 0xa: 'pong' };

// One frame: FIN=1, the opcode, a 7-bit / 16-bit length, and a masking key from clients.
function frame(opcode, payload, maskKey) {
  const len = payload.length;
  const head = [0x80 | opcode];
  const mask = maskKey ? 0x80 : 0;
  if (len < 126) head.push(mask | len);
  else head.push(mask | 126, len >> 8, len & 0xff);
  const body = Buffer.from(payload);
  if (maskKey) for (let i = 0; i < body.length; i++) body[i] ^= maskKey[i % 4];
  return Buffer.concat([Buffer.from(head), maskKey || Buffer.alloc(0), body]);
}

// Splits a buffer into whole frames; what is left waits for more bytes.
function parseFrames(state, chunk, onFrame) {
  state.buf = Buffer.concat([state.buf, chunk]);
  for (;;) {
    const b = state.buf;
    if (b.length < 2) return;
    const fin = (b[0] & 0x80) !== 0;
    const opcode = b[0] & 0x0f;
    const masked = (b[1] & 0x80) !== 0;
    let len = b[1] & 0x7f;
    let off = 2;
    if (len === 126) {
      if (b.length < 4) return;
      len = b.readUInt16BE(2);
      off = 4;
    }
    const maskKey = masked ? b.subarray(off, off + 4) : null;
    if (masked) off += 4;
    if (b.length < off + len) return;
    const payload = Buffer.from(b.subarray(off, off + len));
    if (maskKey) for (let i = 0; i < payload.length; i++) payload[i] ^= maskKey[i % 4];
    state.buf = b.subarray(off + len);
    onFrame({ fin, opcode, masked, len, payload });
  }
}

const server = http.createServer((req, res) => {
  res.writeHead(426, { 'Content-Type': 'text/plain' });
  res.end('WebSocket only');
});

server.on('upgrade', (req, socket, head) => {
  const key = req.headers['sec-websocket-key'];
  console.log('server: upgrade request', req.method, req.url,
    `upgrade=${req.headers.upgrade}`, `version=${req.headers['sec-websocket-version']}`,
    'head bytes:', head.length);
  socket.write([
    'HTTP/1.1 101 Switching Protocols',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${acceptKey(key)}`,
    '', '',
  ].join('\r\n'));
  const state = { buf: Buffer.alloc(0) };
  socket.on('data', (chunk) => parseFrames(state, chunk, (f) => {
    console.log(`server: frame fin=${f.fin} opcode=${f.opcode} (${OPCODES[f.opcode]}) masked=${f.masked} length=${f.len}`,
      f.opcode === 0x1 ? JSON.stringify(f.payload.toString()) : f.payload.toString('hex'));
    if (f.opcode === 0x1 || f.opcode === 0x2) socket.write(frame(f.opcode, f.payload));
    else if (f.opcode === 0x9) socket.write(frame(0xa, f.payload));
    else if (f.opcode === 0x8) socket.end(frame(0x8, f.payload));
  }));
  socket.on('end', () => console.log('server: socket end'));
  socket.on('close', () => {
    console.log('server: socket closed');
    server.close(() => console.log('server: closed'));
  });
});

server.listen(0, '127.0.0.1', () => {
  // A fixed key makes the handshake's bytes the same on every run (RFC 6455's own example).
  const key = 'dGhlIHNhbXBsZSBub25jZQ==';
  const maskKey = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);
  const req = http.request({
    port: server.address().port,
    host: '127.0.0.1',
    path: '/chat',
    headers: {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Key': key,
      'Sec-WebSocket-Version': '13',
    },
  });
  req.on('upgrade', (res, socket, head) => {
    const accept = res.headers['sec-websocket-accept'];
    console.log('client:', res.statusCode, res.statusMessage, 'accept', accept,
      'valid:', accept === acceptKey(key), 'head bytes:', head.length);
    const state = { buf: Buffer.alloc(0) };
    const script = [
      () => socket.write(frame(0x1, 'Hello', maskKey)),
      () => socket.write(frame(0x9, 'are you there?', maskKey)),
      () => socket.write(frame(0x1, 'x'.repeat(200), maskKey)),
      () => socket.write(frame(0x8, Buffer.from([0x03, 0xe8]), maskKey)),
    ];
    let step = 0;
    socket.on('data', (chunk) => parseFrames(state, chunk, (f) => {
      const shown = f.opcode === 0x1 ? JSON.stringify(f.payload.toString().slice(0, 20)) : f.payload.toString('hex');
      console.log(`client: frame fin=${f.fin} opcode=${f.opcode} (${OPCODES[f.opcode]}) masked=${f.masked} length=${f.len}`, shown);
      if (step < script.length) script[step++]();
    }));
    socket.on('end', () => console.log('client: socket end'));
    socket.on('close', () => console.log('client: socket closed'));
    console.log('client: first frame, masked with', maskKey.toString('hex'), '=', frame(0x1, 'Hello', maskKey).toString('hex'));
    script[step++]();
  });
  req.end();
});
