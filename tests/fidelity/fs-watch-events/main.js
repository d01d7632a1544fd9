// fs.watch: each change to a watched directory arrives as a 'change' event in a later loop turn;
// the watcher keeps the process alive until it is closed. Each step waits for the last event.
const fs = require('fs');

fs.rmSync('watched', { recursive: true, force: true });
fs.mkdirSync('watched');

const steps = [
  () => fs.writeFileSync('watched/notes.txt', 'first'),
  () => fs.appendFileSync('watched/notes.txt', ' more'),
  () => fs.renameSync('watched/notes.txt', 'watched/renamed.txt'),
  () => fs.unlinkSync('watched/renamed.txt'),
  () => fs.mkdirSync('watched/sub'),
];
const expected = [2, 1, 2, 1, 1];
let seen = 0;

const watcher = fs.watch('watched', (eventType, filename) => {
  console.log('change', eventType, filename);
  seen++;
  if (seen === expected[0]) {
    seen = 0;
    expected.shift();
    const next = steps.shift();
    if (next) setTimeout(next, 1);
    else watcher.close();
  }
});
watcher.on('close', () => {
  console.log('closed');
  fs.rmSync('watched', { recursive: true });
  watchOneFile();
});
console.log('watching; the script has ended its first turn');
setImmediate(() => steps.shift()());
expected.unshift(1);
steps.unshift(() => fs.writeFileSync('watched/empty', ''));

// A watcher of one file, the promise form, and persistent: false.
function watchOneFile() {
  fs.writeFileSync('single.txt', 'a');
  const ac = new AbortController();
  (async () => {
    try {
      for await (const { eventType, filename } of fs.promises.watch('single.txt', { signal: ac.signal })) {
        console.log('promise', eventType, filename);
        ac.abort();
      }
    } catch (e) {
      console.log(e.name);
      fs.unlinkSync('single.txt');
      const idle = fs.watch('.', { persistent: false }, () => console.log('not seen'));
      console.log('unref watcher does not keep the process alive', typeof idle.close);
    }
  })();
  setTimeout(() => fs.writeFileSync('single.txt', 'b'), 1);
}

try {
  fs.watch('no-such-dir');
} catch (e) {
  console.log(e.code, e.syscall, e.filename);
}
