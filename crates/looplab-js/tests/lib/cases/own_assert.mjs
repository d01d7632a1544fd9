// More assert corners, ours vs node's: diffs of longer structures, user
// messages with diffs, throws() validation objects and functions, errors
// thrown for bad arguments, assert.strict.
import { runBoth } from '../scenario.mjs';
import { runsOwnCases } from './own_gate.mjs';

const CALLS = [
  "assert.strictEqual('hello world', 'hello there', 'm')", "assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'm')",
  "assert.notStrictEqual(1, 1, 'm')", "assert.equal(1, 2, 'm')", "assert.deepEqual({ a: 1 }, { a: 2 }, 'm')",
  "assert.deepStrictEqual({ a: Symbol() }, { a: Symbol() })", "assert.strictEqual([1, 2], [1, 2])",
  "assert.notDeepEqual({ a: 1 }, { a: 1 })", "assert.notDeepStrictEqual({ a: 1, b: [1, 2, 3, 4, 5, 6, 7, 8] }, { a: 1, b: [1, 2, 3, 4, 5, 6, 7, 8] })",
  "assert.notStrictEqual('abcdef', 'abcdef')", "(() => { const x = [1]; assert.notStrictEqual(x, x); })()",
  "assert.deepStrictEqual(Array.from({ length: 20 }, (_, i) => i), Array.from({ length: 20 }, (_, i) => (i === 10 ? 99 : i)))",
  "assert.deepStrictEqual(Array.from({ length: 80 }, (_, i) => i), Array.from({ length: 80 }, (_, i) => -i))",
  "assert.strictEqual(1, 2, new TypeError('own'))",
  "assert.deepStrictEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 8 })",
  "assert.deepStrictEqual([1, 2], [2, 1])", "assert.deepStrictEqual('abc', 'abd')", "assert.deepStrictEqual(1, 2)",
  "assert.deepStrictEqual({ list: [1, 2, 3], nested: { x: 'a', y: 'b' } }, { list: [1, 2], nested: { x: 'a', y: 'c' } })",
  "assert.deepStrictEqual(new Set([1, 2, 3]), new Set([1, 2, 4]))", "assert.deepStrictEqual([{ a: 1 }, { b: 2 }], [{ a: 1 }, { b: 3 }])",
  "assert.deepStrictEqual(new Error('a'), new Error('b'))", "assert.deepStrictEqual(new Date(0), new Date(1))",
  "assert.deepStrictEqual(Buffer.from('ab'), Buffer.from('ac'))", "assert.deepStrictEqual(new Uint8Array([1]), new Uint8Array([1]))",
  "assert.deepEqual(new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'v']]))", "assert.deepStrictEqual(new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 2 }, 'v']]))",
  "assert.deepEqual([1, 2, 3], ['1', '2', '3'])", "assert.deepEqual(1, true)", "assert.deepStrictEqual([[1, [2]]], [[1, [3]]])",
  "assert.deepStrictEqual({ a: undefined }, {})", "assert.deepEqual({ a: undefined }, {})", "assert.deepStrictEqual(new Number(1), new Number(2))",
  "assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9])",
  "assert.strictEqual('a'.repeat(30), 'a'.repeat(29) + 'b')", "assert.strictEqual('ab', 'ac')", "assert.strictEqual(12345678, 12345679)",
  "assert.throws(() => { throw new Error('e'); }, (e) => false)", "assert.throws(() => { throw 5; }, { a: 1 })",
  "assert.throws(() => { throw new Error('e'); }, {})", "assert.throws(() => { throw new Error('e'); }, 'e')",
  "assert.throws(() => { throw new Error('e'); }, Error, 'm')", "assert.throws(() => { throw new Error('e'); }, 5)",
  "assert.throws(() => {}, TypeError)", "assert.throws(() => { throw 'str'; }, TypeError)",
  "assert.throws(() => { throw new Error('e'); }, { message: /x/, name: 'Error' })", "assert.throws(() => { throw new Error('e'); }, { message: /e/, name: 'Error' })",
  "assert.throws(() => { throw new RangeError('r'); }, new RangeError('r'))", "assert.throws(() => { throw new RangeError('r'); }, new TypeError('r'))",
  "assert.throws(() => { throw new Error('e'); }, function validate(e) { return 'nope'; })",
  "assert.throws(() => { throw new (class MyErr extends Error {})('x'); }, class MyErr extends Error {})",
  "assert.doesNotThrow(() => { throw new TypeError('e'); }, RangeError)", "assert.doesNotThrow(() => { throw new TypeError('e'); }, TypeError)",
  "assert.doesNotThrow(() => { throw new TypeError('e'); }, /e/, 'msg')", "assert.ifError({ message: '' })", "assert.ifError(0)",
  "assert.ifError(undefined)", "assert.strictEqual(1)", "assert.deepEqual()", "assert.match('a', 'a')", "assert.doesNotMatch(5, /x/)",
  "assert.ok(false, 'x')", "assert.ok('')", "assert.ok(NaN, undefined)", "assert.fail(undefined)", "assert.fail(null, null)",
  "assert.strict(0)", "assert.strict.notEqual(1, 1)", "assert.strict.notDeepEqual([1], [1])", "assert.strict.strict === assert.strict",
  "typeof require('assert/strict')", "require('assert/strict') === assert.strict",
  "new assert.AssertionError({ actual: 'a', expected: 'b', operator: 'notEqual' }).message",
  "new assert.AssertionError({ message: 'given', actual: 1, expected: 2, operator: 'deepEqual' }).message",
  "Object.keys(new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' })).join()",
  "new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' }).name",
  "String(new assert.AssertionError({ actual: 1, expected: 2, operator: 'equal' }))",
  "new assert.AssertionError(5)",
];

export default async function (t) {
  if (!runsOwnCases()) return;
  const src = `m(require, log) {
    const assert = require('assert');
    const { Buffer } = require('buffer');
    for (const call of ${JSON.stringify(CALLS)}) {
      try {
        const r = new Function('assert', 'require', 'Buffer', 'return ' + call)(assert, require, Buffer);
        log(call, '->', r === undefined ? 'ok' : r);
      } catch (e) {
        log(call, '-> threw', JSON.stringify([e.name, e.code, e.message, e.generatedMessage, e.operator]));
      }
    }
    await assert.rejects(Promise.resolve(1), TypeError).catch((e) => log(JSON.stringify(e.message)));
    await assert.rejects(Promise.reject(new Error('x')), /y/).catch((e) => log(JSON.stringify(e.message)));
    await assert.rejects(() => 5).catch((e) => log(e.code, JSON.stringify(e.message)));
    await assert.rejects(5).catch((e) => log(e.code, JSON.stringify(e.message)));
    await assert.doesNotReject(Promise.reject(new Error('dnr')), 'why').catch((e) => log(JSON.stringify(e.message)));
    await assert.doesNotReject(async () => 1).then(() => log('doesNotReject ok'));
  }`;
  const fn = new Function(`return { async ${src} }`)().m;
  const [ours, theirs] = await runBoth(t.realm, fn);
  const o = ours.split('\n');
  const th = theirs.split('\n');
  for (let i = 0; i < Math.max(o.length, th.length); i++) t.check(`own assert: ${(th[i] ?? o[i]).split(' ->')[0]}`, o[i], th[i]);
}
