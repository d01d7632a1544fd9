// Brotli, as a web server would use it for its assets: one-shot, callback and stream forms,
// a quality parameter, and what bad input and bad parameters raise.
const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');

const page = '<html><body>' + '<p>hello brotli</p>'.repeat(500) + '</body></html>';
const packed = zlib.brotliCompressSync(page);
console.log('smaller:', packed.length < page.length / 10);
console.log('sync round trip:', zlib.brotliDecompressSync(packed).toString() === page);

const fast = zlib.brotliCompressSync(page, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
console.log('quality 1 round trip:', zlib.brotliDecompressSync(fast).toString() === page);

for (const params of [{ 10000: 1 }, { [zlib.constants.BROTLI_PARAM_MODE]: 'text' },
  { [zlib.constants.BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING]: 7 }]) {
  try {
    zlib.createBrotliCompress({ params });
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
try {
  zlib.brotliCompressSync('x', { flush: zlib.constants.Z_FINISH });
} catch (err) {
  console.log(err.code, err.message);
}
try {
  zlib.brotliDecompressSync(Buffer.from('this is not brotli data'));
} catch (err) {
  // Which format check fails first differs between the C decoder and the Rust one.
  console.log('bad input:', err.code.startsWith('ERR__ERROR_FORMAT_'), err.errno < 0, err.message);
}
try {
  zlib.brotliDecompressSync(packed.subarray(0, 20));
} catch (err) {
  console.log('cut input:', err.code, err.message);
}

zlib.brotliCompress(page, (err, out) => {
  console.log('async compress:', err);
  zlib.brotliDecompress(out, (err2, back) => {
    console.log('async round trip:', err2, back.toString() === page);
    const chunks = [];
    pipeline(
      Readable.from([page.slice(0, 1000), page.slice(1000)]),
      zlib.createBrotliCompress(),
      zlib.createBrotliDecompress(),
      new Writable({ write(chunk, enc, cb) { chunks.push(chunk); cb(); } }),
      (err3) => console.log('pipeline:', err3, Buffer.concat(chunks).toString() === page),
    );
  });
});
console.log('classes:', typeof zlib.BrotliCompress, zlib.BrotliDecompress() instanceof zlib.BrotliDecompress);
