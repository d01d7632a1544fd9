// fs.watchFile stats a path on an interval and reports (current, previous) stats when they differ:
// first that the file is missing (both zeroed), then its creation, a change, its removal.
const fs = require('fs');

fs.rmSync('polled.txt', { force: true });
let calls = 0;
const next = [
  () => fs.writeFileSync('polled.txt', 'hello'),
  () => fs.writeFileSync('polled.txt', 'hello, world'),
  () => fs.chmodSync('polled.txt', 0o600),
  () => fs.unlinkSync('polled.txt'),
];

const watcher = fs.watchFile('polled.txt', { interval: 20 }, (curr, prev) => {
  calls++;
  console.log(`call ${calls}: size ${prev.size} -> ${curr.size}, file ${prev.isFile()} -> ${curr.isFile()},`,
    `mode ${(prev.mode & 0o777).toString(8)} -> ${(curr.mode & 0o777).toString(8)},`,
    `newer ${curr.mtimeMs >= prev.mtimeMs}`);
  const step = next.shift();
  if (step) setTimeout(step, 5);
  else fs.unwatchFile('polled.txt');
});
watcher.on('stop', () => console.log('stopped after', calls, 'calls'));

// A second listener on the same file shares the watcher; unwatching it alone leaves the first.
const extra = () => console.log('never: removed at once');
console.log('same watcher', fs.watchFile('polled.txt', extra) === watcher);
fs.unwatchFile('polled.txt', extra);

// persistent: false does not keep the process alive.
fs.watchFile(__filename, { persistent: false }, () => console.log('not called'));
try {
  fs.watchFile('polled.txt', { interval: 10 });
} catch (e) {
  console.log(e.code, e.message);
}
