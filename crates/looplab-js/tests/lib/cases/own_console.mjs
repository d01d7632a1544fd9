// More console corners, ours vs a node Console on the same kind of sinks:
// format directives, dir options, nested groups with multi-line values,
// table variants, timers above an hour, and the Console class itself.
import { Console } from 'node:console';
import vm from 'node:vm';
import { runsOwnCases } from './own_gate.mjs';

export const SCENARIOS = {
  directives: `(c) => { c.log('%o', { a: [1, 2], f() {} }); c.log('%O', { a: { b: { c: { d: 1 } } } }); c.log('%s|%d|%i|%f|%j|%%', 'a', '7', '8.9', '1.5', { j: 1 }); c.log('%c styled', 'color: red'); c.log(5, '%s', 'x'); }`,
  dirOptions: `(c) => { c.dir({ a: { b: { c: {} } } }, { depth: 0 }); c.dir([1, 2, 3], { maxArrayLength: 1 }); c.dir('x'.repeat(5), { colors: false }); c.dir(new Map([[1, { a: 1 }]]), { compact: false }); c.dir(undefined); }`,
  nestedGroups: `(c) => { c.group('a', { b: 1 }); c.warn({ long: 'x'.repeat(90) }); c.group(); c.log([1, 2, 3].map((n) => ({ n }))); c.groupEnd(); c.info('info\\ninside'); c.groupEnd(); c.groupEnd(); c.log('out'); }`,
  tables: `(c) => { c.table([{ a: 1 }, { b: 2 }, 3]); c.table({ x: [1, 2], y: { z: 1 } }); c.table([[{ deep: { er: 1 } }, [1, 2, 3, 4]]]); c.table([{ a: 1, b: 2 }], ['b', 'missing']); c.table(new Map([[{ k: 1 }, 'v']])); c.table(new Set([1, 2]).values()); c.table(new Map([[1, 2]]).entries()); c.table(null); c.table([1, 'two', { three: 3 }]); c.table({}); }`,
  timers: `(c, advance) => { c.time('a'); c.time('b'); advance(0.1234); c.timeLog('a'); advance(59999); c.timeEnd('a'); advance(3600000); c.timeEnd('b'); c.time(undefined); advance(12); c.timeEnd(); c.time(5); advance(1); c.timeEnd(5); }`,
  counters: `(c) => { c.count('a'); c.count('a'); c.count('b'); c.countReset('a'); c.count('a'); c.count({ toString() { return 'obj'; } }); c.count(1); c.count('1'); }`,
  misc: `(c) => { c.log(); c.error(); c.log('%s', Symbol('s')); c.log(-0, [-0], 0n); c.log(new Error('e').message); c.assert(); c.assert(1); c.log('a', 'b\\n', 'c'); c.log({ toString() { return 'ts'; } }); c.log([undefined, , null]); }`,
};

function nodeSide(src) {
  const out = [];
  const sink = (prefix) => ({ write(s) { out.push(prefix + s); return true; } });
  const c = new Console({ stdout: sink(''), stderr: sink('[stderr]'), colorMode: false, ignoreErrors: false });
  let clock = 1000;
  const saved = process.hrtime;
  process.hrtime = (prev) => {
    const ns = Math.round(clock * 1e6);
    const now = [Math.floor(ns / 1e9), ns % 1e9];
    if (!prev) return now;
    let s = now[0] - prev[0];
    let n = now[1] - prev[1];
    if (n < 0) { s--; n += 1e9; }
    return [s, n];
  };
  try {
    vm.runInThisContext(src)(c, (ms) => { clock += ms; });
  } finally {
    process.hrtime = saved;
  }
  return out.join('');
}

export default function (t) {
  if (!runsOwnCases()) return;
  const { realm, check } = t;
  const c = realm.require('console');
  for (const [name, src] of Object.entries(SCENARIOS)) {
    let clock = 1000;
    realm.setClock(clock);
    realm.take();
    try {
      realm.eval(src)(c, (ms) => { clock += ms; realm.setClock(clock); });
    } catch (e) {
      t.fail(`own console: ${name}`, e);
      continue;
    }
    check(`own console: ${name}`, realm.take(), nodeSide(src));
  }
  // The Console class on caller-supplied streams.
  const lines = [];
  const Ours = c.Console;
  const mine = new Ours({ stdout: { write: (s) => lines.push(`o:${s}`) }, stderr: { write: (s) => lines.push(`e:${s}`) }, groupIndentation: 4 });
  mine.group('g');
  mine.log({ a: 1 });
  mine.error('err');
  const theirs = [];
  const ref = new Console({ stdout: { write: (s) => theirs.push(`o:${s}`) }, stderr: { write: (s) => theirs.push(`e:${s}`) }, groupIndentation: 4, ignoreErrors: false });
  ref.group('g');
  ref.log({ a: 1 });
  ref.error('err');
  check('own console: Console class', lines.join(''), theirs.join(''));
  check('own console: detached methods', typeof c.log.bind, 'function');
}
