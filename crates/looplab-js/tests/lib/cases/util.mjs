// util beyond inspect/format: promisify, callbackify, types, inherits, deprecate,
// isDeepStrictEqual, TextEncoder/TextDecoder.
import { runBoth } from '../scenario.mjs';

export const SCENARIOS = {
  async promisify(require, log) {
    const util = require('util');
    const ok = util.promisify((a, cb) => setTimeout(() => cb(null, a * 2), 1));
    log(await ok(21));
    const bad = util.promisify((cb) => cb(new Error('nope')));
    await bad().catch((e) => log('rejected', e));
    function custom() {}
    custom[util.promisify.custom] = () => Promise.resolve('custom!');
    log(await util.promisify(custom)(), util.promisify(custom) === custom[util.promisify.custom]);
    log(typeof util.promisify.custom, util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
    try { util.promisify(5); } catch (e) { log(e); }
    const multi = util.promisify((cb) => cb(null, 1, 2));
    log(await multi());
    log(util.promisify(ok).name, Object.getPrototypeOf(util.promisify(function named(cb) {})) === Object.getPrototypeOf(function () {}));
  },
  async callbackify(require, log) {
    const util = require('util');
    const f = util.callbackify(async (x) => x + 1);
    await new Promise((res) => f(1, (err, v) => { log(err, v); res(); }));
    const g = util.callbackify(() => Promise.reject(null));
    await new Promise((res) => g((err) => { log(err, err.code, err.reason); res(); }));
    const h = util.callbackify(() => Promise.reject(new Error('boom')));
    await new Promise((res) => h((err) => { log(err); res(); }));
    log(f.name, f.length);
  },
  types(require, log) {
    const { types } = require('util');
    const vals = [new Date(), /x/, new Map(), new Set(), new WeakMap(), new WeakSet(), Promise.resolve(), new Proxy({}, {}),
      new Uint8Array(1), new ArrayBuffer(1), new DataView(new ArrayBuffer(1)), new Error('e'), async () => {}, function* () {},
      (function* () {})(), new Map().keys(), new Set().values(), Object(1), Object('s'), Object(true), Object(1n), Object(Symbol()),
      (function () { return arguments; })(), {}, [], null, 1, 'str', require('buffer').Buffer.alloc(1), new Float32Array(1)];
    const names = Object.keys(types).filter((k) => k !== 'isExternal' && k !== 'isKeyObject' && k !== 'isCryptoKey' && k !== 'isModuleNamespaceObject').sort();
    for (const n of names) log(n, vals.map((v) => (types[n](v) ? 1 : 0)).join(''));
  },
  misc(require, log) {
    const util = require('util');
    function A() {}
    function B() {}
    util.inherits(B, A);
    log(new B() instanceof A, B.super_ === A);
    try { util.inherits(B, null); } catch (e) { log(e); }
    log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']), util.isDeepStrictEqual(new Set([1, 2]), new Set([2, 1])));
    log(util.isArray([]), util.isError(new Error()), util.isPrimitive(null), util.isFunction(() => {}));
    const dep = util.deprecate(() => 'r', 'old() is deprecated', 'DEP0999');
    const dep2 = util.deprecate(() => 'r2', 'other is deprecated', 'DEP0999');
    log(dep(), dep(), dep2());
    const dep3 = util.deprecate(function named() { return 3; }, 'no code');
    log(dep3(), dep3());
    log(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), util.toUSVString('a\ud800b'), util.inspect.defaultOptions.depth);
    log(util.getSystemErrorName ? 'has getSystemErrorName' : 'no');
    log(util.format('%s', util.inspect.custom), Object.keys(util.inspect.colors).length, util.inspect.styles.string);
  },
  encoding(require, log) {
    const { TextEncoder, TextDecoder } = require('util');
    const enc = new TextEncoder();
    log(enc.encoding, enc.encode('hé😀'), enc.encode(), enc.encode('\ud800'));
    const dest = new Uint8Array(5);
    log(enc.encodeInto('ab€c', dest), dest);
    const dec = new TextDecoder();
    log(dec.encoding, dec.fatal, dec.ignoreBOM, dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9])), dec.decode());
    log(dec.decode(new Uint8Array([0xe2, 0x82]), { stream: true }), dec.decode(new Uint8Array([0xac]), { stream: true }), dec.decode(new Uint8Array([0xc3])));
    log(new TextDecoder('utf-16le').decode(new Uint8Array([0x68, 0, 0x69, 0])), new TextDecoder('latin1').encoding, new TextDecoder('utf8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf])).length);
    try { new TextDecoder('utf8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { log(e); }
    try { new TextDecoder('klingon'); } catch (e) { log(e); }
    log(dec, enc);
  },
};

export default async function (t) {
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(t.realm, fn);
    t.check(`util: ${name}`, ours, theirs);
  }
}
