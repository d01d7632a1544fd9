// A ReadStream reads a file in 64 KiB pool requests (open, read, read, read, a read that returns
// nothing, close) and tells each step as an event.
const fs = require('fs');

const file = '/tmp/looplab-fidelity-read-stream.txt';
fs.writeFileSync(file, 'x'.repeat(150 * 1024) + 'END');

const stream = fs.createReadStream(file);
console.log('pending before open:', stream.pending, 'highWaterMark:', stream.readableHighWaterMark);
stream.on('open', (fd) => console.log('open, fd is a', typeof fd));
stream.on('ready', () => console.log('ready'));
stream.on('data', (chunk) => console.log('data', chunk.length, 'bytes'));
stream.on('end', () => console.log('end after', stream.bytesRead, 'bytes'));
stream.on('close', () => {
  console.log('close');
  const part = fs.createReadStream(file, { start: 150 * 1024, end: 150 * 1024 + 1, encoding: 'utf8' });
  part.on('data', (text) => console.log('a range of it:', JSON.stringify(text)));
  part.on('close', () => {
    fs.createReadStream('/tmp/looplab-fidelity-no-such-file')
      .on('error', (err) => console.log('error:', err.code, err.syscall))
      .on('close', () => console.log('closed after the error'));
  });
});
console.log('the script ends before the file is opened');
