// assert: which calls throw, and the AssertionError's message, code and fields.
import { runBoth } from '../scenario.mjs';

const CALLS = [
  'assert(true)', 'assert(0)', 'assert(false, "custom msg")', 'assert.ok(null)', 'assert.ok()', 'assert(false, new TypeError("own"))',
  'assert.equal(1, "1")', 'assert.equal(1, 2)', 'assert.equal(NaN, NaN)', 'assert.notEqual(1, 2)', 'assert.notEqual(1, "1")',
  'assert.strictEqual(1, 1)', 'assert.strictEqual(1, 2)', 'assert.strictEqual("a", "b")', 'assert.strictEqual(1, "1")', 'assert.strictEqual(1, 2, "nope")',
  'assert.strictEqual("hello world", "hello there")', 'assert.strictEqual({ a: 1 }, { a: 1 })', 'assert.strictEqual([1, 2, 3], [1, 2, 4])',
  'assert.strictEqual("a\\nb\\nc", "a\\nx\\nc")', 'assert.strictEqual(null, undefined)', 'assert.strictEqual(-0, 0)', 'assert.strictEqual(NaN, NaN)',
  'assert.notStrictEqual(1, 1)', 'assert.notStrictEqual({}, {})', 'assert.notStrictEqual("x", "x")',
  'assert.deepEqual({ a: 1 }, { a: "1" })', 'assert.deepEqual({ a: 1 }, { a: 2 })', 'assert.deepEqual([1, [2]], [1, [2]])', 'assert.deepEqual(new Set([1]), new Set([2]))',
  'assert.deepStrictEqual({ a: 1 }, { a: "1" })', 'assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })', 'assert.deepStrictEqual({ a: 1, b: 2 }, { a: 1, b: 3 })',
  'assert.deepStrictEqual([1, 2, 3], [1, 2, 3, 4])', 'assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]]))', 'assert.deepStrictEqual(new Date(0), new Date(0))',
  'assert.deepStrictEqual(Object.create(null), {})', 'assert.deepStrictEqual([1, , 3], [1, undefined, 3])', 'assert.deepStrictEqual(/a/g, /a/i)',
  'assert.notDeepStrictEqual({ a: 1 }, { a: 1 })', 'assert.notDeepEqual([1], [2])', 'assert.deepStrictEqual(NaN, NaN)', 'assert.deepStrictEqual(0, -0)',
  'assert.throws(() => { throw new Error("x"); })', 'assert.throws(() => {})', 'assert.throws(() => { throw new TypeError("t"); }, TypeError)',
  'assert.throws(() => { throw new TypeError("t"); }, RangeError)', 'assert.throws(() => { throw new Error("abc"); }, /abc/)', 'assert.throws(() => { throw new Error("abc"); }, /xyz/)',
  'assert.throws(() => { throw new Error("m"); }, { message: "m" })', 'assert.throws(() => { throw new Error("m"); }, { message: "n" })', 'assert.throws(() => {}, "msg here")',
  'assert.throws(() => { throw new Error("e"); }, (e) => e.message === "e")', 'assert.doesNotThrow(() => {})', 'assert.doesNotThrow(() => { throw new Error("oops"); })',
  'assert.doesNotThrow(() => { throw new Error("oops"); }, "with message")', 'assert.match("abc", /b/)', 'assert.match("abc", /x/)', 'assert.match(123, /1/)',
  'assert.doesNotMatch("abc", /b/)', 'assert.fail()', 'assert.fail("boom")', 'assert.fail(new TypeError("te"))', 'assert.ifError(null)', 'assert.ifError(new Error("if"))', 'assert.ifError("str")',
  'assert.strict.equal(1, "1")', 'assert.strict.deepEqual({ a: 1 }, { a: "1" })', 'assert.strictEqual(1n, 1)', 'assert.strictEqual(Symbol.iterator, Symbol("x"))',
  'assert.strictEqual("x".repeat(600), "y")', 'assert.throws("not a fn")', 'new assert.AssertionError({ actual: 1, expected: 2, operator: "strictEqual" }).message',
];

export default async function (t) {
  const src = `m(require, log) {
    const assert = require('assert');
    for (const call of ${JSON.stringify(CALLS)}) {
      try {
        const r = new Function('assert', 'return ' + call)(assert);
        log(call, '->', r === undefined ? 'ok' : r);
      } catch (e) {
        log(call, '-> threw', JSON.stringify([e.name, e.code, e.message, e.generatedMessage, e.operator]));
      }
    }
    await assert.rejects(Promise.reject(new Error('r'))).then(() => log('rejects ok'));
    await assert.rejects(Promise.resolve(1)).catch((e) => log(JSON.stringify(e.message)));
    await assert.doesNotReject(Promise.reject(new Error('dnr'))).catch((e) => log(JSON.stringify(e.message)));
    await assert.rejects(async () => { throw new TypeError('tt'); }, TypeError).then(() => log('rejects fn ok'));
  }`;
  const fn = new Function(`return { async ${src} }`)().m;
  const [ours, theirs] = await runBoth(t.realm, fn);
  const o = ours.split('\n');
  const th = theirs.split('\n');
  for (let i = 0; i < Math.max(o.length, th.length); i++) t.check(`assert: ${(th[i] ?? o[i]).split(' ->')[0]}`, o[i], th[i]);
}
