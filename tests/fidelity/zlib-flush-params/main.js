// A chat server compresses each message as it goes: flush() hands out what was written so far,
// so the other side can inflate it before the stream ends; params() switches the level midway.
const zlib = require('zlib');

const deflate = zlib.createDeflate();
const inflate = zlib.createInflate();
deflate.pipe(inflate);
inflate.on('data', (chunk) => console.log('received:', chunk.toString()));

deflate.write('hello, ');
deflate.flush(() => {
  console.log('first flush done');
  deflate.write('world');
  deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
    console.log('second flush done');
    deflate.params(0, zlib.constants.Z_DEFAULT_STRATEGY, () => {
      console.log('level is now 0');
      deflate.end('!');
    });
  });
});
inflate.on('end', () => {
  console.log('inflate end, bytesWritten', deflate.bytesWritten);
  partial();
});

// A cut stream read with Z_SYNC_FLUSH gives what arrived; with the default it is an error.
function partial() {
  const whole = zlib.gzipSync('a message that was cut short in transit');
  const cut = whole.subarray(0, whole.length - 10);
  const some = zlib.gunzipSync(cut, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  console.log('partial is a prefix:', 'a message that was cut short in transit'.startsWith(some.toString()));
  try {
    zlib.gunzipSync(cut);
  } catch (err) {
    console.log('cut:', err.code, err.errno, err.message);
  }
  zlib.gunzip(cut, (err) => console.log('async cut:', err.code, err.message));
}
