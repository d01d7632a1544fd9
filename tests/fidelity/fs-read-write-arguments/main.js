// fs.read and fs.write take their arguments in several shapes; what they refuse, they refuse
// before reading or writing, with Node's errors.
const fs = require('fs');

fs.writeFileSync('args.txt', 'abcdefghij');
const fd = fs.openSync('args.txt', 'r+');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.code, e.message);
  }
}

const buf = Buffer.alloc(4);
attempt('options object', () => [fs.readSync(fd, buf, { position: 2 }), buf.toString()]);
attempt('no options', () => [fs.readSync(fd, Buffer.alloc(3)), 'from the start']);
attempt('length 0', () => fs.readSync(fd, Buffer.alloc(0), 0, 0, 0));
attempt('empty buffer', () => fs.readSync(fd, Buffer.alloc(0), 0, 1, 0));
attempt('length too long', () => fs.readSync(fd, buf, 0, 5, 0));
attempt('negative offset', () => fs.readSync(fd, buf, -1, 1, 0));
attempt('position -2', () => fs.readSync(fd, buf, 0, 1, -2));
attempt('position string', () => fs.readSync(fd, buf, 0, 1, '1'));
attempt('position bigint', () => [fs.readSync(fd, buf, 0, 2, 8n), buf.toString('latin1', 0, 2)]);
attempt('not a buffer', () => fs.readSync(fd, 'text', 0, 1, 0));
attempt('options not object', () => fs.readSync(fd, buf, 'x'));
attempt('write string at', () => fs.writeSync(fd, 'XY', 0));
attempt('write offset past', () => fs.writeSync(fd, Buffer.from('abc'), 4));
attempt('write number', () => fs.writeSync(fd, 42));
attempt('write no callback', () => fs.write(fd, Buffer.from('z')));

fs.read(fd, { buffer: Buffer.alloc(5), position: 5 }, (err, n, b) => {
  console.log('read options', err, n, b.toString());
  fs.read(fd, (err2, n2, b2) => {
    console.log('read default buffer', err2, n2, b2.length);
    fs.write(fd, 'end', 10, 'utf8', (err3, written, str) => {
      console.log('write string', err3, written, str);
      fs.promises.open('args.txt', 'r').then(async (handle) => {
        const r = await handle.read(Buffer.alloc(3), { position: 1 });
        console.log('handle read', r.bytesRead, r.buffer.toString());
        await handle.close();
        fs.closeSync(fd);
        console.log(fs.readFileSync('args.txt', 'utf8'));
        fs.unlinkSync('args.txt');
      });
    });
  });
});
