// readv and writev: several buffers in one read or write, sync, callback and promise forms.
const fs = require('fs');

fs.rmSync('vectored.txt', { force: true });
const fd = fs.openSync('vectored.txt', 'w+');
console.log('writev', fs.writevSync(fd, [Buffer.from('abc'), Buffer.from('def')]));
const a = Buffer.alloc(2);
const b = Buffer.alloc(10);
console.log('readv', fs.readvSync(fd, [a, b], 0), a.toString(), JSON.stringify(b.toString()));

try { fs.writevSync(fd, 'text'); } catch (e) { console.log(e.code, e.message); }

fs.writev(fd, [Buffer.from('G'), Buffer.from('H')], 1, (err, written, buffers) => {
  console.log('writev cb', err, written, buffers.length);
  const c = Buffer.alloc(3);
  fs.readv(fd, [c], 0, (err2, read) => {
    console.log('readv cb', err2, read, c.toString());
    fs.closeSync(fd);
    fs.promises.open('vectored.txt', 'r+').then(async (handle) => {
      const r = await handle.readv([Buffer.alloc(4)], 2);
      console.log('handle readv', r.bytesRead, r.buffers[0].toString());
      const w = await handle.writev([Buffer.from('!')]);
      console.log('handle writev', w.bytesWritten);
      await handle.close();
      console.log(fs.readFileSync('vectored.txt', 'utf8'));
      fs.unlinkSync('vectored.txt');
    });
  });
});
