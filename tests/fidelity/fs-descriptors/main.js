// File descriptors: fs.open hands one out, fs.read and fs.write move through the file at its
// position or at the one given, fs.close gives it back; each async call is one pool request.
const fs = require('fs');

const file = '/tmp/looplab-fidelity-descriptors.txt';
fs.writeFileSync(file, 'hello world');

const fd = fs.openSync(file, 'r+');
const buf = Buffer.alloc(5);
console.log('readSync', fs.readSync(fd, buf, 0, 5, null), buf.toString());
console.log('readSync again', fs.readSync(fd, buf, 0, 5, null), buf.toString());
console.log('readSync at 0', fs.readSync(fd, buf, { position: 0 }), buf.toString());
console.log('writeSync', fs.writeSync(fd, 'HELLO', 0));
console.log('fstatSync', fs.fstatSync(fd).size, fs.fstatSync(fd).isFile());
fs.closeSync(fd);
try {
  fs.closeSync(fd);
} catch (err) {
  console.log(err.code, err.message);
}

fs.open(file, 'a', (err, appendFd) => {
  console.log('opened to append:', err, typeof appendFd);
  fs.write(appendFd, '!', (err, written, text) => {
    console.log('write', err, written, text);
    fs.read(appendFd, Buffer.alloc(4), 0, 4, 0, (err) => {
      console.log('read on a write-only descriptor:', err.code, err.message);
      fs.fstat(appendFd, (err, stats) => {
        console.log('fstat', err, stats.size);
        fs.close(appendFd, (err) => {
          console.log('closed', err, JSON.stringify(fs.readFileSync(file, 'utf8')));
          fs.open('/tmp/looplab-fidelity-missing/x', 'r', (err) => console.log(err.message));
          fs.open(file, 'wx', (err) => console.log(err.code, err.syscall));
        });
      });
    });
  });
});
