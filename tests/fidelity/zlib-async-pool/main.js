const zlib = require('zlib');
const text = 'the loop does not wait for zlib: '.repeat(200);
zlib.gzip(text, (err, packed) => {
  console.log('gzip', err, packed.length > 20, packed[0], packed[1]);
  zlib.gunzip(packed, (err2, back) => {
    console.log('gunzip', err2, back.toString() === text);
    zlib.gunzip(Buffer.from('not gzip at all, not at all'), (err3) => {
      console.log('bad', err3.code, err3.errno);
      zlib.deflate('abc', (e4, d) => zlib.inflate(d, (e5, back2) => console.log('inflate', e4, e5, String(back2))));
    });
  });
});
setImmediate(() => console.log('immediate first: the work is on the pool'));
