// More util.inspect corners, ours vs node's: prototype properties under
// showHidden, getters modes, proxies, long strings in containers, compact
// levels, numeric separators, sorting, null prototypes, error causes.
import util from 'node:util';
import vm from 'node:vm';
import { runsOwnCases } from './own_gate.mjs';

export const VALUES = [
  '(() => { class P { constructor() { this.own = 1; } get g() { return 2; } } P.prototype.data = 3; return new P(); })()',
  '(() => { class A { get a() { return 1; } } class B extends A { get b() { return 2; } } return new B(); })()',
  "({ get n() { return null; }, get o() { return { x: 1 }; }, get s() { return 'str'; }, set s(v) {}, get t() { throw new Error('bad'); } })",
  "new Proxy(new Proxy({ a: 1 }, {}), {})", "({ p: new Proxy([1, 2, 3], {}) })", "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()",
  "({ text: 'word '.repeat(30) })", "['line one\\nline two\\nline three is long enough to split here ok']", "({ a: { b: 'x'.repeat(70) } })",
  "({ a: [1, 2, [3, 4, [5, 6]]], b: { c: { d: 1 } } })", "[[1, [2, [3]]], [4, [5, [6]]]]", "{ a: [{ b: { c: {} } }] }",
  "[1234567.891, -9876543210, 0.000001, 1e21, 123456789012345678901234567890n]",
  "({ c: 3, a: 1, b: 2, [Symbol('z')]: 0 })", "new Map([['b', 2], ['a', 1]])", "new Set(['z', 'y', 'x'])",
  "(() => { const o = Object.create(null); o.a = { b: Object.create(null) }; return o; })()",
  "Object.setPrototypeOf(new Map([[1, 2]]), null)", "Object.setPrototypeOf([1, 2], null)", "Object.setPrototypeOf(new Set([1]), null)",
  "(() => { const o = Object.create(null); Object.defineProperty(o, Symbol.toStringTag, { value: 'T' }); o.x = 1; return o; })()",
  "Object.setPrototypeOf(function named() {}, null)", "Object.setPrototypeOf(new Uint8Array(2), null)",
  "(() => { const e = Object.setPrototypeOf(new Error('np'), null); e.stack = 'Error: np\\n    at a (b.js:1:1)'; return e; })()",
  "(() => { const frames = '\\n    at a (x.js:1:1)\\n    at b (x.js:2:1)\\n    at c (x.js:3:1)\\n    at d (x.js:4:1)\\n    at e (x.js:5:1)'; const c = new Error('inner'); c.stack = 'Error: inner\\n    at z (y.js:9:9)' + frames; const e = new Error('outer', { cause: c }); e.stack = 'Error: outer\\n    at top (t.js:1:1)' + frames; return e; })()",
  "(() => { const e = new Error('with cause', { cause: 'just a string' }); e.stack = 'Error: with cause\\n    at a (b.js:1:1)'; return e; })()",
  "(() => { const e = new TypeError('renamed'); e.name = 'Oops'; e.stack = 'TypeError: renamed\\n    at a (b.js:1:1)'; return e; })()",
  "(() => { class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } } const e = new ValidationError('v'); e.stack = 'ValidationError: v\\n    at a (b.js:1:1)'; return e; })()",
  "(() => { const e = new Error(''); e.stack = 'Error\\n    at a (b.js:1:1)'; return { e }; })()",
  "(() => { const a = { name: 'a' }; const b = { name: 'b', a }; a.b = b; a.self = a; return { a, b }; })()",
  "(() => { const arr = [1]; arr.push(arr, { arr }); return arr; })()",
  "new Float64Array([1.5, -2.25, 3, 4, 5, 6, 7, 8, 9, 10])", "new Uint16Array(30).map((_, i) => i * 300)",
  "new ArrayBuffer(120)", "new DataView(new ArrayBuffer(4), 1, 2)", "Object.assign(new Number(5), { unit: 'kg' })",
  "class WithStatic { static count = 3; static helper() {} }", "Object.assign(class Tagged {}, { [Symbol.toStringTag]: 'Tg' })",
  "async () => {}", "(function () {}).bind(null)", "Boolean.prototype", "Object.create(Array.prototype)",
  "[function a() {}, class B {}, () => {}]", "({ 'quoted-key': { 'inner key': [ 'v' ] } })",
  "(() => { const m = new Map(); for (let i = 0; i < 30; i++) m.set('k' + i, i); return m; })()",
  "Array.from({ length: 40 }, (_, i) => ({ id: i, name: 'n' + i }))",
  "({ undef: undefined, nul: null, nan: NaN, inf: -Infinity, neg: -0, big: -12n })",
  "[['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5], ['f', 6], ['g', 7]]",
  "Array.from({ length: 10 }, (_, i) => 'item number ' + i)", "'x'.repeat(200)",
  "new WeakMap([[{}, 1]])", "Promise.reject(new Error('x')).catch(() => {}) && Promise.resolve([1, 2])",
];

export const OPTIONS = [
  undefined, { showHidden: true }, { getters: 'get' }, { getters: 'set' }, { showProxy: true, depth: 0 },
  { compact: 3, breakLength: 60 }, { compact: 1 }, { compact: 0 }, { numericSeparator: true }, { sorted: true },
  { maxArrayLength: 0 }, { maxArrayLength: 5 }, { maxStringLength: 20 }, { depth: 0, compact: false },
  { breakLength: 120 }, { colors: true, depth: 1 },
];

const evalHere = (src) => vm.runInThisContext(`(${src})`);

export default function (t) {
  if (!runsOwnCases()) return;
  const { realm, check, capture } = t;
  const ours = realm.require('util');
  for (const src of VALUES) {
    for (const opts of OPTIONS) {
      const name = `own inspect(${src}${opts ? `, ${JSON.stringify(opts)}` : ''})`;
      const mine = capture(() => ours.inspect(realm.eval(`(${src})`), opts));
      const theirs = capture(() => util.inspect(evalHere(src), opts));
      check(name, mine.threw ? `threw ${JSON.stringify(mine.threw)}` : mine.value,
        theirs.threw ? `threw ${JSON.stringify(theirs.threw)}` : theirs.value);
    }
  }
}
