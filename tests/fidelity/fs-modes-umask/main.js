// Permission bits: what mkdir, writeFile and open create (less the umask), and chmod.
const fs = require('fs');
const octal = (p) => (fs.statSync(p).mode & 0o777).toString(8);

fs.rmSync('modes', { recursive: true, force: true });
fs.mkdirSync('modes');
console.log('umask', process.umask().toString(8));

fs.mkdirSync('modes/a', 0o777);
fs.mkdirSync('modes/b', { mode: '750' });
fs.writeFileSync('modes/f', 'x');
fs.writeFileSync('modes/g', 'x', { mode: 0o640 });
fs.closeSync(fs.openSync('modes/h', 'w', 0o777));
for (const p of ['a', 'b', 'f', 'g', 'h']) console.log(p, octal(`modes/${p}`));

console.log('old mask', process.umask(0o077).toString(8));
fs.mkdirSync('modes/c', 0o777);
fs.writeFileSync('modes/i', 'x', { mode: 0o666 });
console.log('c', octal('modes/c'), 'i', octal('modes/i'));
process.umask(0o022);

fs.chmodSync('modes/f', 0o400);
console.log('chmod f', octal('modes/f'));
const fd = fs.openSync('modes/g', 'r');
fs.fchmodSync(fd, '604');
console.log('fchmod g', octal('modes/g'));
fs.closeSync(fd);
console.log('file type', (fs.statSync('modes/f').mode & fs.constants.S_IFMT) === fs.constants.S_IFREG);

try { fs.chmodSync('modes/f', 'rwx'); } catch (e) { console.log(e.code, e.message); }
try { fs.mkdirSync('modes/d', { mode: -1 }); } catch (e) { console.log(e.code, e.message); }

fs.chmod('modes/h', 0o700, (err) => {
  console.log('async chmod', err, octal('modes/h'));
  fs.promises.chmod('modes/h', 0o755).then(() => {
    console.log('promise chmod', octal('modes/h'));
    fs.rmSync('modes', { recursive: true });
  });
});
