// How long JavaScript takes on the model against how long it takes in node: each workload times
// itself with performance.now() around the work, under node (real time, best of several runs)
// and under `looplab run` (virtual time, the same every run). The cost model is right when every
// ratio is between 0.5 and 2. Not part of the test command:
//   node tests/bench/calibrate.mjs [path/to/looplab]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const looplab = path.resolve(process.argv[2] ?? 'target/release/looplab');
if (!fs.existsSync(looplab)) {
  console.error(`no looplab binary at ${looplab}: build it with cargo build --release --bin looplab`);
  process.exit(2);
}

// Each body runs between two clock reads; setup runs before the first.
const workloads = {
  'empty loop 2e7': { body: `let x = 0; for (let i = 0; i < 2e7; i++) { x += i; }` },
  'string building 1e5': {
    body: `let s = ''; for (let i = 0; i < 1e5; i++) { s += 'item ' + i + ','; } if (s.length < 5) throw 0;`,
  },
  'sort 1e5 numbers': {
    setup: `let seed = 1; const a = Array.from({ length: 1e5 }, () => (seed = (seed * 16807) % 2147483647));`,
    body: `a.sort((x, y) => x - y);`,
  },
  'JSON round trip 1 MB': {
    setup: `const value = Array.from({ length: 10000 }, (_, i) => ({ id: i, name: 'user' + i, tags: ['a', 'b', 'c'], score: i / 7, active: i % 2 === 0 }));`,
    body: `const text = JSON.stringify(value); if (JSON.parse(text).length !== 10000) throw 0;`,
  },
  'regex over 1 MB': {
    setup: `const text = 'lorem ipsum dolor sit amet 12345 consectetur '.repeat(23000);`,
    body: `const m = text.match(/\\d+/g); if (m.length !== 23000) throw 0;`,
  },
  'fib(25)': {
    setup: `function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }`,
    body: `if (fib(25) !== 75025) throw 0;`,
  },
  'pbkdf2Sync 100k': {
    setup: `const crypto = require('crypto');`,
    body: `crypto.pbkdf2Sync('secret', 'salt', 100000, 64, 'sha512');`,
  },
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'looplab-calibrate-'));

function measure(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', maxBuffer: 16 << 20 });
  const ms = Number.parseFloat(r.stdout);
  if (r.status !== 0 || Number.isNaN(ms)) {
    throw new Error(`${cmd} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  return ms;
}

const rows = [];
for (const [name, { setup = '', body }] of Object.entries(workloads)) {
  const file = path.join(dir, `${name.replace(/\W+/g, '-')}.js`);
  fs.writeFileSync(
    file,
    `${setup}\nconst t0 = performance.now();\n${body}\nconsole.log(performance.now() - t0);\n`,
  );
  // node's best of five: the machine's noise only ever adds time.
  const node = Math.min(...Array.from({ length: 5 }, () => measure('node', [file])));
  const model = measure(looplab, ['run', file]);
  rows.push({ name, node, model, ratio: model / node });
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('workload', 24)}${pad('node ms', 10)}${pad('looplab ms', 12)}ratio`);
for (const r of rows) {
  const flag = r.ratio >= 0.5 && r.ratio <= 2 ? '' : '  (outside 0.5-2)';
  console.log(`${pad(r.name, 24)}${pad(r.node.toFixed(1), 10)}${pad(r.model.toFixed(1), 12)}${r.ratio.toFixed(2)}${flag}`);
}
fs.rmSync(dir, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.ratio >= 0.5 && r.ratio <= 2) ? 0 : 1;
