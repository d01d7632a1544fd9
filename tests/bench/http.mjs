// An HTTP hello-world server under node and under `looplab run --real`, each loaded by the same
// tool (wrk, on loopback) for a few seconds: requests per second and p99 latency side by side.
// Not part of the test command: `node tests/bench/http.mjs [path/to/looplab]` (needs `wrk`).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const looplab = path.resolve(process.argv[2] ?? 'target/release/looplab');
if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is missing: apt-get install -y wrk');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'looplab-http-'));
const script = path.join(dir, 'server.js');
fs.writeFileSync(script, `const http = require('http');
const server = http.createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('hello world\\n'); });
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`);

function startServer(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', (d) => resolve({ child, port: Number(String(d).trim()) }));
    child.once('exit', (code) => reject(new Error(`${cmd} exited with ${code} before listening`)));
  });
}

function load(port) {
  const r = spawnSync('wrk', ['-t1', '-c16', '-d5s', '--latency', `http://127.0.0.1:${port}/`], { encoding: 'utf8' });
  const rps = Number(r.stdout.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
  const p99 = r.stdout.match(/\s99%\s+([\d.]+\w+)/)?.[1];
  return { rps, p99 };
}

const rows = [];
for (const [name, cmd, args] of [['node', 'node', [script]], ['looplab run --real', looplab, ['run', '--real', script]]]) {
  try {
    const { child, port } = await startServer(cmd, args);
    rows.push({ name, ...load(port) });
    child.kill('SIGINT');
  } catch (e) {
    rows.push({ name, rps: NaN, p99: `failed: ${e.message}` });
  }
}
console.log('server\trequests/s\tp99');
for (const r of rows) console.log(`${r.name}\t${r.rps.toFixed(0)}\t${r.p99}`);
const [node, ours] = rows;
if (node.rps && ours.rps) console.log(`ratio (node / looplab): ${(node.rps / ours.rps).toFixed(1)}×`);
fs.rmSync(dir, { recursive: true, force: true });
