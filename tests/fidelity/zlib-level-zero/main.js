// Level 0 stores the data as it is: a learner checks the stored blocks' headers and sizes,
// and switches a stream from level 9 to 0 and back with params().
const zlib = require('zlib');

console.log(zlib.deflateSync('hello', { level: 0 }).toString('hex'));
console.log(zlib.gzipSync('hi', { level: 0 }).toString('hex'));
for (const size of [1000, 40000, 100000]) {
  const out = zlib.deflateRawSync(Buffer.alloc(size, 'z'), { level: 0, chunkSize: 1024 });
  // Each stored block: a header byte, then LEN and its complement.
  const lens = [];
  for (let at = 0; at < out.length;) {
    const len = out.readUInt16LE(at + 1);
    lens.push(len);
    at += 5 + len;
  }
  console.log(size, 'stored blocks of', lens.join(' + '));
}

const deflate = zlib.createDeflate({ level: 9 });
const parts = [];
deflate.on('data', (c) => parts.push(c));
deflate.on('end', () => {
  const all = Buffer.concat(parts);
  console.log('switched stream inflates:', zlib.inflateSync(all).toString().length);
});
deflate.write('compressible '.repeat(1000));
deflate.params(0, zlib.constants.Z_DEFAULT_STRATEGY, () => {
  const before = Buffer.concat(parts).length;
  deflate.write(Buffer.alloc(5000, 'x'));
  deflate.flush(() => {
    console.log('level 0 added', Buffer.concat(parts).length - before, 'bytes for 5000');
    deflate.params(9, zlib.constants.Z_DEFAULT_STRATEGY, () => deflate.end('compressible '.repeat(1000)));
  });
});
