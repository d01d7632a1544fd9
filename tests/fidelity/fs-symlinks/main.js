// Symbolic links: made, read, followed by stat and not by lstat, and removed without following.
const fs = require('fs');

fs.rmSync('links', { recursive: true, force: true });
fs.mkdirSync('links/real/inner', { recursive: true });
fs.writeFileSync('links/real/inner/file.txt', 'through the link');

fs.symlinkSync('real', 'links/dir-link');
fs.symlinkSync('dir-link/inner/file.txt', 'links/file-link');
fs.symlinkSync('nowhere', 'links/dangling');

console.log(fs.readlinkSync('links/file-link'));
console.log(fs.readFileSync('links/file-link', 'utf8'));
console.log(fs.readdirSync('links/dir-link/inner'));
console.log('stat', fs.statSync('links/dir-link').isDirectory(), fs.statSync('links/file-link').isFile());
console.log('lstat', fs.lstatSync('links/dir-link').isSymbolicLink(), fs.lstatSync('links/file-link').isSymbolicLink());
console.log(fs.realpathSync('links/file-link') === fs.realpathSync('links/real/inner/file.txt'));
console.log(fs.readdirSync('links', { withFileTypes: true })
  .map((d) => `${d.name}:${d.isSymbolicLink() ? 'link' : d.isDirectory() ? 'dir' : 'file'}`));

try { fs.statSync('links/dangling'); } catch (e) { console.log('dangling', e.code); }
try { fs.readlinkSync('links/real'); } catch (e) { console.log('readlink dir', e.code); }
try { fs.symlinkSync('real', 'links/dir-link'); } catch (e) { console.log('again', e.code); }

fs.readlink('links/dir-link', (err, target) => {
  console.log('async readlink', err, target);
  fs.lstat('links/dangling', (err2, st) => {
    console.log('async lstat', err2, st.isSymbolicLink());
    // Removing the link to a directory leaves the directory.
    fs.rmSync('links/dir-link', { recursive: true });
    console.log(fs.existsSync('links/real/inner/file.txt'));
    fs.rmSync('links', { recursive: true });
    console.log(fs.existsSync('links'));
  });
});
