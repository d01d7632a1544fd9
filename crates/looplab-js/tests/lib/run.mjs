// Differential test of Looplab's built-in JavaScript modules against the real
// `node` running this script: every expectation comes from node's own modules.
//   node crates/looplab-js/tests/lib/run.mjs [filter]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import util from 'node:util';

// The `engine` binding stand-in needs node's internals.
if (!process.execArgv.includes('--expose-internals')) {
  const r = spawnSync(process.execPath,
    ['--expose-internals', '--no-warnings', ...process.execArgv, fileURLToPath(import.meta.url),
      ...process.argv.slice(2)],
    { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const { createRealm } = await import('./realm.mjs');
const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];

let passed = 0;
const failures = [];

function show(v) {
  return typeof v === 'string' ? v : util.inspect(v, { depth: 6, breakLength: 100 });
}

function check(name, ours, expected) {
  const same = typeof ours === 'string' && typeof expected === 'string' ?
    ours === expected : util.isDeepStrictEqual(ours, expected);
  if (same) {
    passed++;
  } else {
    failures.push({ name, ours: show(ours), expected: show(expected) });
  }
}

// Runs fn, turning a throw into a comparable description.
function capture(fn) {
  try {
    return { value: fn() };
  } catch (e) {
    return { threw: describeError(e) };
  }
}

function describeError(e) {
  if (e === null || typeof e !== 'object') return { thrown: e };
  const d = { name: e.name, message: e.message };
  if (e.code !== undefined) d.code = e.code;
  return d;
}

const files = fs.readdirSync(path.join(here, 'cases')).filter((f) => f.endsWith('.mjs')).sort();
const started = Date.now();
for (const file of files) {
  const suite = file.replace(/\.mjs$/, '');
  if (filter && !suite.includes(filter)) continue;
  const mod = await import(`./cases/${file}`);
  const realm = createRealm();
  const t = {
    realm, check, capture, describeError, createRealm,
    fail(name, e) { failures.push({ name, ours: `threw: ${e?.stack ?? e}`, expected: '(no throw)' }); },
  };
  try {
    await mod.default(t, suite);
  } catch (e) {
    failures.push({ name: `${suite}: suite crashed`, ours: String(e?.stack ?? e), expected: '' });
  }
}

for (const f of failures) {
  console.log(`\n✗ ${f.name}`);
  console.log('  ours:     ' + f.ours.replace(/\n/g, '\n            '));
  console.log('  expected: ' + f.expected.replace(/\n/g, '\n            '));
}
const ms = Date.now() - started;
console.log(`\n${passed} passed, ${failures.length} failed (${ms} ms)`);
process.exit(failures.length === 0 ? 0 : 1);
