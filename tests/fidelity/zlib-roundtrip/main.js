const zlib = require('zlib');
const input = 'hello hello hello hello zlib';
const gz = zlib.gzipSync(input);
console.log(gz[0], gz[1], zlib.gunzipSync(gz).toString());
zlib.gzip(input, (err, out) => {
  zlib.gunzip(out, (err2, back) => console.log('async', err, err2, back.toString()));
});
console.log(zlib.inflateSync(zlib.deflateSync('deflate me')).toString());
