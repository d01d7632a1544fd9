// chown: giving a file to its own owner works (ids of -1 keep them); ids, paths and options are
// checked before anything is touched.
const fs = require('fs');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.code, e.syscall ?? '', e.message);
  }
}

fs.writeFileSync('owned.txt', 'mine');
const { uid, gid } = fs.statSync('owned.txt');
attempt('chown to self', () => fs.chownSync('owned.txt', uid, gid));
attempt('chown keep both', () => fs.chownSync('owned.txt', -1, -1));
attempt('chown missing', () => fs.chownSync('no-such-file', uid, gid));
attempt('uid text', () => fs.chownSync('owned.txt', 'me', gid));
attempt('gid too small', () => fs.chownSync('owned.txt', uid, -2));
attempt('lchown path type', () => fs.lchownSync(42, uid, gid));
attempt('mkdtemp encoding', () => fs.mkdtempSync('tmp-', 'no-such-encoding'));
attempt('stream encoding', () => fs.createReadStream('owned.txt', { encoding: 'no-such-encoding' }));
attempt('stream options', () => fs.createWriteStream('owned.txt', 42));

const fd = fs.openSync('owned.txt', 'r');
fs.fchown(fd, uid, gid, (err) => {
  console.log('fchown', err);
  fs.closeSync(fd);
  fs.promises.open('owned.txt', 'r').then(async (handle) => {
    await handle.chown(-1, gid);
    await handle.close();
    await fs.promises.chown('owned.txt', uid, -1);
    console.log('promises chown done');
    fs.unlinkSync('owned.txt');
  });
});
