// process.chdir moves where relative paths start; writeFile stops at an abort between its steps;
// fs.promises' whole-file calls take a FileHandle; mkdtemp checks its prefix first.
const fs = require('fs');
const path = require('path');

fs.rmSync('area', { recursive: true, force: true });
fs.mkdirSync('area/inner', { recursive: true });
const start = process.cwd();
process.chdir('area');
console.log('cwd ends with', path.basename(process.cwd()));
fs.writeFileSync('inner/here.txt', 'relative to the new cwd');
console.log(fs.readFileSync(path.join(start, 'area/inner/here.txt'), 'utf8'));
try { process.chdir('missing'); } catch (e) { console.log(e.code, e.syscall, e.message.replace(start, '<start>')); }
try { process.chdir(42); } catch (e) { console.log(e.code); }

for (const bad of [undefined, null, 1]) {
  try { fs.mkdtemp(bad, () => {}); } catch (e) { console.log('mkdtemp', String(bad), e.code); }
}

const ac = new AbortController();
fs.writeFile('aborted.txt', 'data', { signal: ac.signal }, (err) => {
  console.log('writeFile', err.name, fs.existsSync('aborted.txt'));
  const before = new AbortController();
  before.abort();
  fs.writeFile('never.txt', 'x', { signal: before.signal }, (err2) => {
    console.log('already aborted', err2.name, fs.existsSync('never.txt'));
    handles();
  });
});
process.nextTick(() => ac.abort());

async function handles() {
  const handle = await fs.promises.open('handle.txt', 'w+');
  await fs.promises.writeFile(handle, 'written through a handle');
  await fs.promises.appendFile(handle, '!');
  await handle.close();
  console.log(await fs.promises.readFile('handle.txt', 'utf8'));
  process.chdir(start);
  fs.rmSync('area', { recursive: true });
}
