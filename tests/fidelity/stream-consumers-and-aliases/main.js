// stream/consumers reads a whole stream into one value; the old names (_stream_readable ...)
// and path/posix, path/win32 are the same objects as their new homes.
const { Readable } = require('stream');
const consumers = require('stream/consumers');

console.log(require('_stream_readable') === Readable, require('_stream_transform') === require('stream').Transform);
console.log(require('path/posix') === require('path').posix, require('node:path/win32').join('a', 'b'));
console.log(require('module').isBuiltin('stream/consumers'), require('module').isBuiltin('_stream_readable'));

(async () => {
  console.log(await consumers.text(Readable.from(['he', 'llo'])));
  console.log(await consumers.json(Readable.from([Buffer.from('{"a":'), Buffer.from('1}')])));
  console.log((await consumers.buffer(Readable.from(['x', 'y']))).length);
  console.log((await consumers.arrayBuffer(Readable.from(['abc']))).byteLength);
})();
