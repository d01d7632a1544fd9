// util.inspect over a corpus of values and options, ours vs node's.
import util from 'node:util';
import vm from 'node:vm';

// Each entry is JavaScript source evaluated separately in both realms.
export const VALUES = [
  // primitives
  '1', '-0', '0', '1.5', 'NaN', 'Infinity', '-Infinity', '123456789', '2n', '-5n', '12345678901234567890n',
  'true', 'false', 'null', 'undefined', "''", "'abc'", '"it\'s"', '\'say "hi"\'', '\'both \\\' and "\'',
  "'all `\\' and \"'", "'new\\nline'", "'tab\\there'", "'\\u0001\\u001f\\u007f'", "'\\ud800'", "'é ü 日本'",
  'Symbol()', "Symbol('desc')", "Symbol.iterator", "Symbol.for('reg')", "Symbol('')",
  // arrays
  '[]', '[1, 2, 3]', "['a', 'b']", '[[1, [2, [3, [4]]]]]', '[ , 1]', '[1, , 3]', '[,,,]',
  'new Array(5)', '[1, , , , 5, , ]', 'Array.from({length: 101}, (_, i) => i)',
  'Array.from({length: 7}, (_, i) => i)', 'Array.from({length: 26}, (_, i) => String.fromCharCode(97 + i))',
  'Array.from({length: 30}, (_, i) => i * 1000)', 'Array.from({length: 200}, (_, i) => "x".repeat(i % 7))',
  "Object.assign([1, 2], { extra: true })", "Object.assign([], { '-1': 'neg' })",
  '[undefined, null, NaN]', '[{}, [], new Map()]', "['a'.repeat(80)]", "['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(20), 'd'.repeat(20)]",
  'Array.from({length: 8}, (_, i) => ({ i }))', 'Array.from({length: 12}, (_, i) => -i * 3.5)',
  'Array.from({length: 16}, (_, i) => i % 2 ? "s" + i : i)', 'Array.from({length: 27}, (_, i) => 10 ** (i % 9))',
  '[1n, 22n, 333n, 4444n, 55555n, 666666n, 7777777n]',
  // objects
  '({})', '({ a: 1 })', "({ a: 1, b: 'two', c: [3] })", '({ a: { b: { c: { d: {} } } } })', '({ a: { b: { c: {} } } })',
  "({ 'key with space': 1, 'valid_id': 2, '1abc': 3, 'a-b': 4, '': 5, '\\'': 6 })",
  '({ [Symbol("s")]: 1, [Symbol.iterator]: 2 })', '({ a: 1, [Symbol()]: 2 })',
  '({ get x() { return 1; } })', '({ set x(v) {} })', '({ get x() { return 1; }, set x(v) {} })',
  'Object.create(null)', 'Object.assign(Object.create(null), { a: 1 })',
  "Object.create({ inherited: 1 })", "({ __proto__: { x: 1 }, own: 2 })",
  '({ f() {}, g: function() {}, h: () => {}, i: async () => {}, j: function* () {} })',
  '({ a: "x".repeat(60), b: "y".repeat(10) })', '({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17, r: 18, s: 19, t: 20, u: 21, v: 22, w: 23, x: 24, y: 25, z: 26 })',
  '({ nested: { arr: [1, 2, { deep: [3, 4] }] } })', '({ a: [[[[1]]]] })',
  '(() => { const o = { a: 1 }; o.self = o; return o; })()',
  '(() => { const o = { a: [] }; o.a.push(o); o.b = { c: o.a }; return o; })()',
  '(() => { const a = {}; const b = { a }; a.b = b; return [a, b]; })()',
  '(() => { const m = new Map(); m.set("m", m); return m; })()',
  '({ date: new Date(0), re: /x/g, err: null })',
  '({ "constructor": 1 })', '(() => { const o = {}; Object.defineProperty(o, "hidden", { value: 1, enumerable: false }); o.v = 2; return o; })()',
  // class instances
  '(() => { class Foo { constructor() { this.a = 1; } } return new Foo(); })()',
  '(() => { class Foo {} return new Foo(); })()',
  '(() => { class Foo { #p = 1; x = 2; } return new Foo(); })()',
  '(() => { class Bar extends Map {} return new Bar([[1, 2]]); })()',
  '(() => { class MyArr extends Array {} return MyArr.from([1, 2]); })()',
  '(() => { class MyErr extends Error {} const e = new MyErr("boom"); e.stack = "Error: boom\\n    at x (file.js:1:1)"; return e; })()',
  '(() => { function Legacy() { this.x = 1; } return new Legacy(); })()',
  '(() => { class T { get [Symbol.toStringTag]() { return "Tagged"; } } return new T(); })()',
  '({ [Symbol.toStringTag]: "Custom", a: 1 })',
  '(() => { const o = Object.create(null); o[Symbol.toStringTag] = "NullTag"; return o; })()',
  // Not covered: an instance whose prototype was set to null prints V8's hidden
  // constructor name (`[A: null prototype] {}`), which JavaScript cannot see.
  // functions and classes
  'function f() {}', 'function* gen() {}', 'async function af() {}', 'async function* ag() {}',
  '(() => function () {})()', '(() => () => {})()', '(() => { const x = () => {}; return x; })()',
  'class A {}', 'class B extends Array {}', '(() => class {})()', 'Object.assign(function g() {}, { prop: 1 })',
  '(() => { function h() {} h.displayName = "Disp"; return h; })()', 'Math.max', 'Object.create(Function.prototype)',
  '(() => { const f = function named() {}; Object.defineProperty(f, "name", { value: "other" }); return f; })()',
  '(() => { const f = () => {}; Object.setPrototypeOf(f, null); return f; })()',
  'class C { static x = 1; }',
  // Map / Set / weak
  'new Map()', 'new Map([[1, "a"], ["b", { c: 2 }]])', 'new Set()', 'new Set([1, "two", [3]])',
  'new Map([[{ k: 1 }, new Set([1])]])', 'new WeakMap()', 'new WeakSet()',
  'Object.assign(new Map([[1, 2]]), { extra: 1 })', 'new Set(Array.from({length: 120}, (_, i) => i))',
  'new Map([[1, 2]]).entries()', 'new Set([1, 2]).values()', 'new Map([[1, 2], [3, 4]]).keys()',
  '[1, 2][Symbol.iterator]()',
  // errors
  '(() => { const e = new Error("boom"); e.stack = "Error: boom\\n    at foo (/app/x.js:1:2)\\n    at bar (/app/y.js:3:4)"; return e; })()',
  '(() => { const e = new TypeError("bad"); e.stack = "TypeError: bad\\n    at foo (/app/x.js:1:2)"; e.code = "ERR_X"; return e; })()',
  '(() => { const e = new Error("m"); e.stack = "Error: m"; return e; })()',
  '(() => { const e = new Error("m"); e.stack = ""; return e; })()',
  '(() => { const e = new RangeError("r"); delete e.stack; Object.defineProperty(e, "stack", { value: undefined }); return e; })()',
  '(() => { const e = new Error("with props"); e.stack = "Error: with props\\n    at a (b.js:1:1)"; e.code = 42; e.info = { x: 1 }; return e; })()',
  '(() => { const e = new Error("cause"); e.stack = "Error: cause\\n    at a (b.js:1:1)"; const c = new Error("inner"); c.stack = "Error: inner\\n    at c (d.js:1:1)"; e.cause = c; return e; })()',
  '(() => { const e = new Error("x"); e.stack = "Error: x\\n    at a (b.js:1:1)"; e.name = "CustomName"; return e; })()',
  '(() => { const e = new Error("x"); e.stack = "Error: x\\n    at a (b.js:1:1)"; return { e }; })()',
  '(() => { const e = new Error("x"); e.stack = "Error: x\\n    at a (b.js:1:1)"; return [e]; })()',
  '(() => { const e = new AggregateError([new Error("a")], "agg"); e.stack = "AggregateError: agg\\n    at z (y.js:1:1)"; e.errors[0].stack = "Error: a\\n    at q (r.js:1:1)"; return e; })()',
  '(() => { const e = Object.create(Error.prototype); return e; })()',
  '(() => { const e = new Error("multi\\nline"); e.stack = "Error: multi\\nline\\n    at a (b.js:1:1)"; return e; })()',
  // boxed primitives, date, regexp
  'new Number(3)', 'new Number(-0)', 'new String("abc")', 'new Boolean(false)', 'Object(Symbol("bx"))', 'Object(10n)',
  'Object.assign(new String("ab"), { x: 1 })', 'new Date(0)', 'new Date(1700000000123)', 'new Date(NaN)',
  'Object.assign(new Date(0), { x: 1 })', '/abc/gi', '/[a-z]+\\d/u', 'new RegExp("a/b")', 'Object.assign(/x/, { y: 1 })',
  // typed arrays, buffers
  'new Uint8Array([1, 2, 3])', 'new Float64Array(2)', 'new Int16Array([-1, 300])', 'new BigInt64Array([1n, -2n])',
  'new Uint8Array(200)', 'new ArrayBuffer(4)', 'new Uint8Array([1,2,3,4]).buffer', 'new DataView(new ArrayBuffer(2))',
  'new Uint8ClampedArray([255, 0])', 'new Float32Array([0.5, -0])', 'Object.assign(new Uint8Array(2), { x: 1 })',
  // promises
  'Promise.resolve(1)', 'Promise.resolve({ a: [1] })', 'new Promise(() => {})', '(() => { const e = new Error("no"); e.stack = "Error: no\\n    at p (q.js:1:1)"; const p = Promise.reject(e); p.catch(() => {}); p.__stack = 1; return p; })()',
  '(() => { const p = Promise.reject(3); p.catch(() => {}); return p; })()', 'Object.assign(Promise.resolve(2), { extra: true })',
  // proxies
  'new Proxy({ a: 1 }, {})', 'new Proxy([1, 2], {})', 'new Proxy(function pf() {}, {})', 'new Proxy({}, { get() { return 5; } })',
  // misc
  'globalThis.Math', 'JSON', 'Reflect', '(function () { return arguments; })(1, 2)', 'new (class extends Set {})([1])',
  '({ a: undefined, b: null })', "({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'custom!'; } })",
  "({ [Symbol.for('nodejs.util.inspect.custom')](d, o) { return { replaced: d }; } })",
  "({ inner: { [Symbol.for('nodejs.util.inspect.custom')](depth, opts, insp) { return insp({ d: depth }, opts); } } })",
  "({ inspect() { return 'old-style'; } })",
  '(function* () { yield 1; })()', '(async function* () {})()', '({ a: 1n, b: Symbol("x"), c: -0 })',
  '[new Error("in array").message]', "({ a: 'a'.repeat(100) })", "['x'.repeat(10000).length]",
  "Array.from({length: 3}, () => ({ a: 1, b: 2 }))", "({ arr: Array.from({length: 10}, (_, i) => ({ id: i })) })",
  "[[1, 2, [3, 4, [5, [6]]]], { x: { y: { z: { w: 1 } } } }]",
  "({ a: 'line1\\nline2' })", "['\\n']", "({ s: 'quote\\'s' })", "new Map([['k\\n', 'v\\'']])",
  "Object.assign(Object.create(null), { [Symbol('s')]: 1 })", "Object.defineProperty({}, 'g', { get() { throw new Error('nope'); }, enumerable: true })",
  "(() => { const o = {}; for (let i = 0; i < 30; i++) o['key' + i] = i; return o; })()",
  "(() => { const a = []; a[2 ** 32 - 2] = 1; return a; })()", "(() => { const a = [1, 2]; a.length = 5; return a; })()",
  "new Array(120).fill(7)", "Array.from({length: 101}, () => 'ab')",
  "({ 'a\\nb': 1 })", "({ [Symbol('with\\nnewline')]: 1 })", "({ 123: 'num', abc: 'str' })",
  "Object.freeze({ f: 1 })", "({ a: { b: [ { c: new Map([[1, { d: 1 }]]) } ] } })",
  "[new Set([[1, 2]]), new Map([[[1], [2]]])]", "{ ...[1, 2] }", "({ x: [1, 2, 3].keys() })",
];

export const OPTIONS = [
  undefined,
  { depth: 0 }, { depth: 1 }, { depth: null }, { depth: Infinity },
  { compact: false }, { compact: true }, { compact: 1 }, { breakLength: 40 }, { breakLength: Infinity },
  { sorted: true }, { showHidden: true }, { maxArrayLength: 2 }, { maxStringLength: 4 },
  { getters: true }, { customInspect: false }, { numericSeparator: true }, { colors: true },
  { showProxy: true }, { compact: false, breakLength: 60 },
];

// Evaluated in node's realm; functions print their source, so stay identical.
const evalHere = (src) => vm.runInThisContext(`(${src})`);

export default function (t) {
  const { realm, check, capture } = t;
  const ours = realm.require('util');
  for (const src of VALUES) {
    for (const opts of OPTIONS) {
      // Each option set runs on a fresh value: some inspections are stateful.
      const name = `inspect(${src}${opts ? `, ${JSON.stringify(opts)}` : ''})`;
      const mine = capture(() => ours.inspect(realm.eval(`(${src})`), opts));
      const theirs = capture(() => util.inspect(evalHere(src), opts));
      check(name, mine.threw ? `threw ${JSON.stringify(mine.threw)}` : mine.value,
        theirs.threw ? `threw ${JSON.stringify(theirs.threw)}` : theirs.value);
    }
  }
}
