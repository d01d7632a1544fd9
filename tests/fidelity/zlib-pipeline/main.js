// The classic pipeline: a file through gzip into another file, and back with stream.pipeline.
// Also the one-shot forms: raw deflate, unzip by header, and gunzip of two members one after
// the other; a cut member is "unexpected end of file".
const fs = require('fs');
const zlib = require('zlib');
const { pipeline } = require('stream');

const source = '/tmp/looplab-fidelity-zlib-source.txt';
const packed = '/tmp/looplab-fidelity-zlib-source.txt.gz';
const back = '/tmp/looplab-fidelity-zlib-back.txt';
fs.writeFileSync(source, 'Node streams, piped through gzip. '.repeat(3000));

fs.createReadStream(source)
  .pipe(zlib.createGzip())
  .pipe(fs.createWriteStream(packed))
  .on('finish', () => {
    const size = fs.statSync(packed).size;
    console.log('compressed to less than a tenth:', size < fs.statSync(source).size / 10);
    pipeline(fs.createReadStream(packed), zlib.createGunzip(), fs.createWriteStream(back), (err) => {
      console.log('pipeline done:', err, fs.readFileSync(back, 'utf8') === fs.readFileSync(source, 'utf8'));
    });
  });

console.log(zlib.inflateRawSync(zlib.deflateRawSync('raw')).toString());
console.log(zlib.unzipSync(zlib.deflateSync('zlib format')).toString(), zlib.unzipSync(zlib.gzipSync('gzip format')).toString());
const two = Buffer.concat([zlib.gzipSync('first '), zlib.gzipSync('second')]);
console.log(zlib.gunzipSync(two).toString());
for (const input of [two.subarray(0, two.length - 4), Buffer.alloc(0), Buffer.concat([zlib.gzipSync('x'), Buffer.from('junk')])]) {
  try {
    zlib.gunzipSync(input);
  } catch (err) {
    console.log(err.code, err.message);
  }
}
zlib.deflateRaw('async raw', (err, out) => zlib.inflateRaw(out, (err, text) => console.log('callback form:', err, text.toString())));
