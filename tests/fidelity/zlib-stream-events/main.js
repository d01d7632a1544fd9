// A zlib stream: each write is a trip to the thread pool; gzip hands out its 10-byte header
// after the first write and the rest with the last chunk written after end(); 'finish' comes
// before 'end'. A gunzip stream hands out 16 KiB chunks.
const zlib = require('zlib');

const gzip = zlib.createGzip();
const packed = [];
gzip.on('data', (chunk) => {
  packed.push(chunk);
  console.log('gzip data', chunk.length, 'bytes');
});
gzip.on('finish', () => console.log('gzip finish'));
gzip.on('end', () => console.log('gzip end, bytesWritten', gzip.bytesWritten));
gzip.on('close', () => {
  console.log('gzip close; round trip:', zlib.gunzipSync(Buffer.concat(packed)).toString());
  const sizes = [];
  const gunzip = zlib.createGunzip();
  gunzip.on('data', (chunk) => sizes.push(chunk.length));
  gunzip.on('end', () => {
    console.log('gunzip chunks', sizes.join(' '));
    const bad = zlib.createGunzip();
    bad.on('error', (err) => console.log('error', err.code, err.message, err.errno));
    bad.end(Buffer.from('definitely not gzip'));
  });
  const input = zlib.gzipSync(Buffer.alloc(40000, 'a'));
  gunzip.write(input.subarray(0, 20));
  gunzip.end(input.subarray(20));
});
gzip.write('hello ', () => console.log('write 1 done'));
gzip.write('world', () => console.log('write 2 done'));
gzip.end(() => console.log('end callback'));
console.log('classes:', typeof zlib.Gzip, new zlib.Deflate() instanceof require('stream').Transform);
