// Times the same scripts under node, `looplab run` (simulated) and `looplab run --real`, and prints
// the ratios. Not part of the test command: `node tests/bench/runtime.mjs [path/to/looplab]`.
//   LOOPLAB_BENCH_ONLY=immediates,stat  runs a subset.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const looplab = path.resolve(process.argv[2] ?? 'target/release/looplab');
if (!fs.existsSync(looplab)) {
  console.error(`no looplab binary at ${looplab}: build it with cargo build --release --bin looplab`);
  process.exit(2);
}

const workloads = {
  immediates: `let n = 0; function f() { if (++n < 1e6) setImmediate(f); else console.log(n); } setImmediate(f);`,
  stat: `const fs = require('fs'); let left = 10000;
for (let i = 0; i < 10000; i++) fs.stat(__filename, (err) => { if (err) throw err; if (--left === 0) console.log('done'); });`,
  timers: `let n = 0; for (let i = 0; i < 100000; i++) setTimeout(() => { if (++n === 100000) console.log(n); }, i % 100);`,
  promises: `let p = Promise.resolve(0); for (let i = 0; i < 100000; i++) p = p.then((v) => v + 1); p.then(console.log);`,
  'pool-requests': `const crypto = require('crypto'); let left = 100000;
for (let i = 0; i < 100000; i++) crypto.randomBytes(16, () => { if (--left === 0) console.log('done'); });`,
};

const only = process.env.LOOPLAB_BENCH_ONLY?.split(',');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'looplab-bench-'));

function time(cmd, args, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim().split('\n').slice(-2).join(' | ') };
}

const rows = [];
for (const [name, source] of Object.entries(workloads)) {
  if (only && !only.includes(name)) continue;
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(file, source);
  const node = time('node', [file], dir);
  const sim = time(looplab, ['run', '--max-callbacks', '5000000', file], dir);
  const real = time(looplab, ['run', '--real', '--max-callbacks', '5000000', file], dir);
  rows.push({ name, node, sim, real });
}

const fmt = (r) => (r.ok ? `${r.ms.toFixed(0)} ms` : `failed (${r.err.slice(0, 60)})`);
const ratio = (a, b) => (a.ok && b.ok ? `${(a.ms / b.ms).toFixed(1)}×` : '-');
console.log(['workload', 'node', 'looplab run', 'ratio', 'looplab run --real', 'ratio'].join('\t'));
for (const { name, node, sim, real } of rows) {
  console.log([name, fmt(node), fmt(sim), ratio(sim, node), fmt(real), ratio(real, node)].join('\t'));
}
fs.rmSync(dir, { recursive: true, force: true });
