// fs.mkdtemp makes a directory named by the prefix and six random characters; truncate cuts a
// file or fills it with zeros (async: open, ftruncate and close, three trips to the pool).
const fs = require('fs');

const dir = fs.mkdtempSync('/tmp/looplab-fidelity-tmp-');
console.log('made', dir.length, /^\/tmp\/looplab-fidelity-tmp-[A-Za-z0-9]{6}$/.test(dir), fs.statSync(dir).isDirectory());
const file = `${dir}/f.txt`;
fs.writeFileSync(file, 'hello world');
fs.truncateSync(file, 5);
console.log(JSON.stringify(fs.readFileSync(file, 'utf8')));
fs.truncateSync(file);
console.log('size', fs.statSync(file).size);
const fd = fs.openSync(file, 'r+');
fs.writeSync(fd, 'abc');
fs.ftruncateSync(fd, 6);
console.log(JSON.stringify(fs.readFileSync(file, 'latin1')));
fs.closeSync(fd);

fs.mkdtemp('/tmp/looplab-fidelity-tmp-', (err, other) => {
  console.log('async mkdtemp', err, other !== dir, other.length);
  fs.truncate(file, 1, (err) => {
    console.log('truncate', err, JSON.stringify(fs.readFileSync(file, 'utf8')));
    for (const attempt of [() => fs.truncateSync('/tmp/looplab-fidelity-missing/x', 1), () => fs.mkdtempSync('/tmp/looplab-fidelity-missing/x-')]) {
      try {
        attempt();
      } catch (e) {
        console.log(e.message);
      }
    }
    fs.promises.truncate(file).then(() => console.log('promises.truncate', fs.statSync(file).size));
  });
});
