// A WriteStream opens its file, writes what it is given (chunks buffered while a write is on the
// pool go out together), then 'finish' and 'close'; pipe() copies a ReadStream into it.
const fs = require('fs');

const out = '/tmp/looplab-fidelity-write-stream.txt';
const ws = fs.createWriteStream(out);
ws.on('open', () => console.log('open'));
ws.on('ready', () => console.log('ready'));
ws.on('finish', () => console.log('finish after', ws.bytesWritten, 'bytes'));
ws.on('close', () => {
  console.log('close:', JSON.stringify(fs.readFileSync(out, 'utf8')));
  const copy = '/tmp/looplab-fidelity-write-stream-copy.txt';
  fs.writeFileSync(out, 'abc'.repeat(50000));
  fs.createReadStream(out)
    .pipe(fs.createWriteStream(copy))
    .on('finish', () => console.log('piped', fs.statSync(copy).size, 'bytes'))
    .on('close', () => console.log('copy closed'));
});
console.log('write returns', ws.write('one '));
ws.write('two ');
ws.end('three');
