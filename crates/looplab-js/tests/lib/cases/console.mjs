// The global console, ours vs a node Console writing to the same kind of sink.
import { Console } from 'node:console';
import vm from 'node:vm';

const err = (m) => `Object.assign(new Error(${JSON.stringify(m)}), { stack: 'Error: ' + ${JSON.stringify(m)} + '\\n    at f (/app/a.js:1:1)' })`;

// (console, advance) => void; `advance(ms)` moves the clock console.time reads.
export const SCENARIOS = {
  log: `(c) => { c.log('hello', 1, { a: [1, 2] }); c.log(); c.log('%s=%d', 'x', 5, 'extra'); c.info('info'); c.debug('debug'); }`,
  errorWarn: `(c) => { c.error('to stderr', ${err('e1')}); c.warn({ w: 1 }); }`,
  dir: `(c) => { c.dir({ a: { b: { c: { d: 1 } } } }); c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 }); c.dir('str'); c.dir({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'X'; } }); c.dirxml([1], 2); }`,
  group: `(c) => { c.log('top'); c.group('G1'); c.log('in 1'); c.group(); c.log('multi\\nline'); c.error('err in group'); c.groupEnd(); c.groupCollapsed('G2'); c.log({ a: 1, b: 'x'.repeat(80) }); c.groupEnd(); c.groupEnd(); c.groupEnd(); c.log('back'); }`,
  count: `(c) => { c.count(); c.count(); c.count('x'); c.countReset(); c.count(); c.count(undefined); c.count(null); }`,
  assert: `(c) => { c.assert(true, 'no'); c.assert(false); c.assert(0, 'msg %s', 'fmt'); c.assert(false, { a: 1 }); c.assert(null, 'a', 'b'); }`,
  table: `(c) => { c.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }]); c.table([1, 2, 3]); c.table({ r1: { c1: 1 }, r2: { c2: 2 } }); c.table([[1, 2], [3, 4, 5]]); c.table([{ a: 1, b: 2 }], ['a']); c.table('not tabular'); c.table(new Map([['k', { v: 1 }]])); c.table(new Set(['s1', 's2'])); c.table([{ name: 'ü日本', v: null }]); c.table([]); }`,
  time: `(c, advance) => { c.time(); advance(3.25); c.timeLog(); c.timeLog('default', 'extra', { a: 1 }); advance(1500); c.timeEnd(); c.time('lbl'); advance(61234.5); c.timeEnd('lbl'); c.time('h'); advance(3600000 * 2 + 1234); c.timeEnd('h'); c.time('z'); c.timeEnd('z'); }`,
  trailing: `(c) => { c.log('a\\n'); c.log(''); c.log(undefined); c.log(null, -0, 1n, Symbol('s')); }`,
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
  const { realm, check } = t;
  const c = realm.require('console');
  for (const [name, src] of Object.entries(SCENARIOS)) {
    let clock = 1000;
    realm.setClock(clock);
    realm.take();
    try {
      realm.eval(src)(c, (ms) => { clock += ms; realm.setClock(clock); });
    } catch (e) {
      t.fail(`console: ${name}`, e);
      continue;
    }
    check(`console: ${name}`, realm.take(), nodeSide(src));
  }
}
