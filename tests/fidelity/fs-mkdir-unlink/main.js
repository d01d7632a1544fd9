const fs = require('fs');
const d = '/tmp/looplab-fidelity-dir';
fs.rmSync(d, { recursive: true, force: true });
fs.mkdirSync(d + '/a/b', { recursive: true });
fs.writeFileSync(d + '/a/b/f.txt', 'x');
console.log(fs.readdirSync(d + '/a'));
fs.unlinkSync(d + '/a/b/f.txt');
console.log(fs.readdirSync(d + '/a/b'));
try { fs.mkdirSync(d + '/a'); } catch (e) { console.log(e.code); }
try { fs.rmdirSync(d + '/a'); } catch (e) { console.log(e.code); }
