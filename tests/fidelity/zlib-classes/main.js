// The zlib classes as code out in the wild uses them: called with or without new, inherited
// the old way, reset for reuse, and the info option of the one-shot forms.
const zlib = require('zlib');
const { Transform } = require('stream');

const d = zlib.Deflate();
console.log('without new:', d instanceof zlib.Deflate, d instanceof Transform, d.constructor.name);

function Packer(options) {
  zlib.DeflateRaw.call(this, options);
  this.label = 'packer';
}
Object.setPrototypeOf(Packer.prototype, zlib.DeflateRaw.prototype);
Object.setPrototypeOf(Packer, zlib.DeflateRaw);
const p = new Packer();
const out = [];
p.on('data', (c) => out.push(c));
p.on('end', () => {
  console.log(p.label, 'round trip:', zlib.inflateRawSync(Buffer.concat(out)).toString(), p.bytesWritten);
  reuse();
});
p.end('inherited the old way');

function reuse() {
  const { buffer, engine } = zlib.gzipSync('with info', { info: true });
  console.log('info:', engine.constructor.name, zlib.gunzipSync(buffer).toString());
  const g = zlib.createGunzip();
  g.reset();
  const chunks = [];
  g.on('data', (c) => chunks.push(c));
  g.on('finish', () => console.log('gunzip finish'));
  g.on('end', () => console.log('gunzip end:', Buffer.concat(chunks).toString(), g.bytesWritten));
  g.on('close', () => console.log('gunzip close'));
  const z = zlib.gzipSync('one byte at a time');
  for (const byte of z) g.write(Buffer.from([byte]));
  g.end();
  g.on('end', () => {
    g.write('more', (err) => console.log('write after end:', err.code));
    g.on('error', (err) => console.log('error event:', err.code));
  });
}
