// What zlib says about bad options, bad input and big output, and the forms of input it
// accepts; the constants it exposes cannot be changed.
const zlib = require('zlib');

function attempt(label, fn) {
  try {
    const out = fn();
    console.log(label, 'ok', Buffer.isBuffer(out) ? out.toString() : out);
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

attempt('chunkSize 10', () => zlib.createGzip({ chunkSize: 10 }));
attempt('level 12', () => zlib.createDeflate({ level: 12 }));
attempt('level "9"', () => zlib.createDeflate({ level: '9' }));
attempt('level Infinity', () => zlib.createDeflate({ level: Infinity }));
attempt('gzip windowBits 8', () => zlib.createGzip({ windowBits: 8 }));
attempt('strategy 9', () => zlib.createDeflate({ strategy: 9 }));
attempt('dictionary 5', () => zlib.createDeflate({ dictionary: 5 }));
attempt('gzipSync(42)', () => zlib.gzipSync(42));
attempt('gzip no callback', () => zlib.gzip('x'));
attempt('maxOutputLength', () => zlib.gunzipSync(zlib.gzipSync('x'.repeat(1000)), { maxOutputLength: 100 }));

const text = 'typed arrays work too';
attempt('Uint8Array', () => zlib.inflateSync(new Uint8Array(zlib.deflateSync(text))));
const d = zlib.deflateSync(text);
attempt('DataView', () => zlib.inflateSync(new DataView(d.buffer, d.byteOffset, d.length)));
attempt('ArrayBuffer', () => zlib.inflateRawSync(new Uint8Array(zlib.deflateRawSync(text)).buffer));
attempt('empty', () => zlib.gzipSync(Buffer.alloc(0)).length);
attempt('inflate empty', () => zlib.inflateSync(Buffer.alloc(0)));

const two = Buffer.concat([zlib.gzipSync('one '), zlib.gzipSync('two'), Buffer.alloc(8)]);
attempt('members and padding', () => zlib.gunzipSync(two));
attempt('garbage after', () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync('x'), Buffer.from('junk')])));

const dict = Buffer.from('common words in every message');
const withDict = zlib.deflateSync('every message has common words', { dictionary: dict });
attempt('with dictionary', () => zlib.inflateSync(withDict, { dictionary: dict }));
attempt('missing dictionary', () => zlib.inflateSync(withDict));
attempt('wrong dictionary', () => zlib.inflateSync(withDict, { dictionary: Buffer.from('other') }));

zlib.constants.Z_OK = 7;
zlib.codes = {};
console.log('constants', zlib.constants.Z_OK, zlib.codes.Z_BUF_ERROR, zlib.codes['-3'], zlib.Z_SYNC_FLUSH);
console.log('crc32', zlib.crc32('hello'), zlib.crc32('world', zlib.crc32('hello ')));
attempt('crc32(1)', () => zlib.crc32(1));

zlib.inflate(withDict, (err) => console.log('async missing dictionary:', err.code, err.errno, err.message));
zlib.deflate('x'.repeat(5000), (err, out) => {
  zlib.inflate(out, { maxOutputLength: 64 }, (err2) => console.log('async too large:', err2.code, err2.message));
});
