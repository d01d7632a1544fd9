// More of util, ours vs node's: format corner cases, deprecate codes,
// promisify/callbackify edges, inspect options plumbing, deep equality.
import { runBoth } from '../scenario.mjs';
import { runsOwnCases } from './own_gate.mjs';

export const SCENARIOS = {
  format(require, log) {
    const util = require('util');
    const cases = [
      ['%s %s %s', 1, 'a'], ['%d', '0x10'], ['%i', '0x10'], ['%f', '1e3'], ['%d', []], ['%d', [5]], ['%s', [1, [2, [3, [4]]]]],
      ['%s', new Map([[1, { a: 1 }]])], ['%s', new Set([1])], ['%s', Object.assign(Object.create(null), { a: 1 })],
      ['%s', new (class Foo { toString() { return 'FOO'; } })()], ['%s', new (class Bar {})()], ['%s', [new Date(0)]],
      ['%o', [1, [2, [3, [4, [5]]]]]], ['%O', 'x', 'y'], ['%j', { toJSON() { throw new Error('tj'); } }],
      ['%%%s%%', 'x'], ['%s%%%d', 'a', 2], ['%', 1], ['%s:%', 'a'], ['a%sb%sc', 1, 2, 3], [{ a: 1 }, '%s', 2],
      ['%i', Infinity], ['%d', -0], ['%f', -0], ['%s', -0], ['%s', 123456789012345678901234567890n], ['%s', NaN],
      ['%s', Object.assign(new Error('inner'), { stack: 'Error: inner\n    at x (y.js:1:1)', extra: 1 })],
      ['%s', { toString: () => 'arrow ts' }], ['%s', Object.create({ toString() { return 'inherited'; } })],
    ];
    for (const args of cases) {
      try {
        log(JSON.stringify(util.format(...args)));
      } catch (e) {
        log('threw', e);
      }
    }
    log(JSON.stringify(util.formatWithOptions({ colors: true }, 'c %s %d', 'x', 2, { a: 'y' })));
    log(JSON.stringify(util.formatWithOptions({ depth: 0, breakLength: 20 }, { a: { b: 1 } }, ['aaaaaaaaaaa', 'bbbbbbbbbbbbb'])));
    try { util.formatWithOptions(null, 'x'); } catch (e) { log(e); }
  },
  deprecate(require, log) {
    const util = require('util');
    const a = util.deprecate(function a() { return 'a'; }, 'a is old', 'DEP_A');
    const b = util.deprecate(function b() { return 'b'; }, 'b is old', 'DEP_A');
    const c = util.deprecate(function c() { return this; }, 'c is old');
    log(a(), a(), b(), c.call(7) == 7, a.name, a.length);
    class K { constructor(v) { this.v = v; } }
    const DK = util.deprecate(K, 'K is old', 'DEP_K');
    log(new DK(3).v, new DK(4) instanceof K);
    try { util.deprecate('x', 'm'); } catch (e) { log(e); }
    try { util.deprecate(() => {}, 'm', 5); } catch (e) { log(e); }
  },
  async promisifyEdges(require, log) {
    const util = require('util');
    const bound = { x: 5, get(cb) { cb(null, this.x); } };
    log(await util.promisify(bound.get).call(bound));
    const sync = util.promisify((cb) => { cb(null, 'sync'); cb(null, 'twice'); });
    log(await sync());
    const thrower = util.promisify(() => { throw new Error('sync throw'); });
    await thrower().then(() => log('no'), (e) => log('rejected', e));
    function withProps(cb) { cb(null, 1); }
    withProps.extra = 'kept';
    const p = util.promisify(withProps);
    log(p.extra, util.promisify(p) === p, Object.keys(p));
    const bad = () => {};
    bad[util.promisify.custom] = 5;
    try { util.promisify(bad); } catch (e) { log(e); }
    const cbf = util.callbackify(() => Promise.reject(0));
    await new Promise((res) => cbf((err) => { log(err.message, err.code, err.reason); res(); }));
    const cbu = util.callbackify(() => Promise.reject(undefined));
    await new Promise((res) => cbu((err) => { log(err.code, err.reason, 'reason' in err); res(); }));
    try { util.callbackify(async () => 1)(); } catch (e) { log(e); }
    try { util.callbackify(5); } catch (e) { log(e); }
  },
  inspectPlumbing(require, log) {
    const util = require('util');
    log(util.inspect({ a: { b: { c: { d: 1 } } } }, false, 0), util.inspect({ a: 1 }, true), util.inspect([1], { unknownOption: 1 }));
    const seen = [];
    const obj = { [util.inspect.custom](depth, options, insp) { seen.push(depth, typeof options.stylize, options.depth, insp === util.inspect); return 'C'; } };
    log(util.inspect({ x: { y: obj } }), util.inspect(obj, { depth: 5 }), JSON.stringify(seen));
    const styled = { [util.inspect.custom](d, o) { return o.stylize('S', 'special'); } };
    log(JSON.stringify(util.inspect(styled, { colors: true })), util.inspect(styled));
    const saved = util.inspect.defaultOptions.depth;
    util.inspect.defaultOptions = { depth: 0 };
    log(util.inspect({ a: { b: 1 } }));
    util.inspect.defaultOptions.depth = saved;
    log(util.inspect({ a: { b: 1 } }));
    try { util.inspect.defaultOptions = null; } catch (e) { log(e); }
    log(util.inspect('str'), util.inspect(['str']), util.format('str'), util.format(['str']));
    log(util.isDeepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])), util.isDeepStrictEqual([1, , 2], [1, undefined, 2]),
      util.isDeepStrictEqual(-0, 0), util.isDeepStrictEqual(NaN, NaN), util.isDeepStrictEqual({ a: 1 }, Object.assign(Object.create(null), { a: 1 })),
      util.isDeepStrictEqual(new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }])), util.isDeepStrictEqual(/a/g, /a/g),
      util.isDeepStrictEqual(new Error('x'), new Error('x')), util.isDeepStrictEqual(new Error('x'), new TypeError('x')),
      util.isDeepStrictEqual(new Number(1), 1), util.isDeepStrictEqual([1, 2], { 0: 1, 1: 2, length: 2 }));
    const cyc1 = { a: 1 }; cyc1.self = cyc1;
    const cyc2 = { a: 1 }; cyc2.self = cyc2;
    log(util.isDeepStrictEqual(cyc1, cyc2), util.types.isPromise(Promise.resolve()), util.getSystemErrorName(-13), util.getSystemErrorMap().get(-2));
    try { util.getSystemErrorName(5); } catch (e) { log(e); }
    log(util.toUSVString('\ud83d\ude00\udc00x'), util.stripVTControlCharacters('\u001b[1;31mbold\u001b[0m\u001b]8;;http://x\u0007link\u001b]8;;\u0007'));
    log(util._extend({ a: 1 }, { b: 2 }), util.isPrimitive(Symbol()), util.isObject(null), util.isFunction(class {}));
  },
};

export default async function (t) {
  if (!runsOwnCases()) return;
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(t.realm, fn);
    const o = ours.split('\n');
    const th = theirs.split('\n');
    for (let i = 0; i < Math.max(o.length, th.length); i++) t.check(`own util: ${name} #${i}`, o[i], th[i]);
  }
}
