// fs/promises' FileHandle: each call on the handle is a promise over one pool request.
const fsp = require('fs/promises');

const file = '/tmp/looplab-fidelity-file-handle.txt';

async function main() {
  const out = await fsp.open(file, 'w');
  console.log('fd is a', typeof out.fd);
  const { bytesWritten } = await out.write('first line\n');
  console.log('wrote', bytesWritten);
  await out.writeFile('second line\n');
  await out.close();
  await out.close();
  const handle = await fsp.open(file);
  const { bytesRead, buffer } = await handle.read(Buffer.alloc(5), 0, 5, 0);
  console.log('read', bytesRead, buffer.toString());
  console.log('size', (await handle.stat()).size);
  console.log('rest:', JSON.stringify(await handle.readFile('utf8')));
  await handle.close();
  await fsp.open('/tmp/looplab-fidelity-missing/x').catch((err) => console.log(err.code, err.syscall));
}
main().then(() => console.log('done'));
process.nextTick(() => console.log('nextTick runs before the first pool callback'));
