// util.format / formatWithOptions, ours vs node's.
import util from 'node:util';
import vm from 'node:vm';

// Each entry is the source of an argument list.
const ARGS = [
  "'hello'", "'a', 'b', 1", "'%s', 'str'", "'%s', 42", "'%s', -0", "'%s', 10n", "'%s', Symbol('s')",
  "'%s', null", "'%s', undefined", "'%s', { a: 1 }", "'%s', [1, [2, [3]]]", "'%s', Object.assign(new Error('e'), { stack: 'Error: e\\n    at f (a.js:1:1)' })",
  "'%s', { toString() { return 'custom'; } }", "'%s', class Foo {}", "'%s', function fn() {}",
  "'%s', new Date(0)", "'%s', { a: { b: { c: 1 } } }", "'%s', Object.create(null)",
  "'%d', 42", "'%d', '42'", "'%d', 1.5", "'%d', -0", "'%d', 10n", "'%d', {}", "'%d', Symbol('x')",
  "'%d', ''", "'%d', null", "'%i', 42.9", "'%i', '-7.1'", "'%i', 10n", "'%i', 'abc'",
  "'%f', '1.25'", "'%f', 3", "'%f', Symbol('f')", "'%f', 'x'",
  "'%j', { a: [1, 'b'] }", "'%j', 'str'", "'%j', undefined", "'%j', (() => { const o = {}; o.o = o; return o; })()",
  "'%j', { toJSON() { return 'tj'; } }", "'%j', 1n",
  "'%o', { a: 1, f() {} }", "'%o', [1, 2, 3]", "'%o', 'str'", "'%o', function foo() {}",
  "'%O', { a: { b: { c: { d: 1 } } } }", "'%O', 'str'", "'%c', 'color: red'", "'%c%s', 'css', 'x'",
  "'%%'", "'%% %s', 'a'", "'100%'", "'%'", "'%x', 1", "'%s'", "'%s %s', 'only'", "'%s', 'a', 'b', { c: 1 }",
  "1, 2, 3", "{ a: 1 }, 'str'", "'str', { a: 'x' }", "null, undefined", "Symbol('a'), 1n",
  "'a\\nb', 'c'", "[1, 2], [3]", "new Map([[1, 2]])", "'%s:%s', 'a'", "'%d%%', 50", "'%s%', 'x'",
  "'%s', 'x'.repeat(5)", "", "'%i', 1e21", "'%d', 1e21", "'%s', 1e21", "'%s', -1e-7",
  "'%s', [Object.assign(new Error('in arr'), { stack: 'Error: in arr\\n    at g (b.js:2:2)' })]", "'%s', { toString: 1 }", "'%s', Object.assign(() => {}, { a: 1 })",
];

export default function (t) {
  const { realm, check, capture } = t;
  const ours = realm.require('util');
  for (const src of ARGS) {
    const mine = capture(() => ours.format(...realm.eval(`[${src}]`)));
    const theirs = capture(() => util.format(...vm.runInThisContext(`[${src}]`)));
    check(`format(${src})`, mine, theirs);
    const m2 = capture(() => ours.formatWithOptions({ compact: false, depth: 0 }, ...realm.eval(`[${src}]`)));
    const t2 = capture(() => util.formatWithOptions({ compact: false, depth: 0 }, ...vm.runInThisContext(`[${src}]`)));
    check(`formatWithOptions({compact:false,depth:0}, ${src})`, m2, t2);
  }
}
