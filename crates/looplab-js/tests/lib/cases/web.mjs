// structuredClone, EventTarget/Event, AbortController/AbortSignal and the
// globals installed by internal/bootstrap/globals, ours vs node's.
import { runBoth } from '../scenario.mjs';

export const SCENARIOS = {
  structuredClone(require, log) {
    const sc = globalThis.structuredClone;
    const o = { a: 1, d: new Date(0), r: /x/gi, m: new Map([[1, { k: 'v' }]]), s: new Set([1, 'two']), u8: new Uint8Array([1, 2]), n: null, big: 10n, nested: [1, [2, { deep: true }]] };
    o.self = o;
    const c = sc(o);
    log(c, c.self === c, c !== o, c.d instanceof Date);
    class K { constructor() { this.x = 1; } method() {} }
    log(sc(new K()), Object.getPrototypeOf(sc(new K())) === Object.prototype);
    const e = new TypeError('bad', { cause: 'why' });
    const ec = sc(e);
    log(ec instanceof TypeError, ec.message, ec.cause, ec.name);
    for (const bad of [() => {}, Symbol('s'), new WeakMap(), { f() {} }]) {
      try { sc(bad); log('cloned?'); } catch (err) { log(err.name, err.message, err.code, err instanceof DOMException); }
    }
    try { sc(); } catch (err) { log(err); }
    const shared = { v: 1 };
    const arr = sc([shared, shared]);
    log(arr[0] === arr[1], sc(Object(5)), sc(new String('s')), sc([1, , 3]));
    log(sc(require('buffer').Buffer.from('hi')));
  },
  eventTarget(require, log) {
    const et = new EventTarget();
    const h = (ev) => log('h', ev.type, ev instanceof Event, ev.target === et, ev.currentTarget === et, ev.eventPhase);
    et.addEventListener('ping', h);
    et.addEventListener('ping', h);
    et.addEventListener('ping', { handleEvent(ev) { log('object listener', ev.type); } });
    et.addEventListener('ping', () => log('once'), { once: true });
    log('dispatch', et.dispatchEvent(new Event('ping')));
    et.dispatchEvent(new Event('ping'));
    et.removeEventListener('ping', h);
    const ev = new Event('c', { cancelable: true });
    et.addEventListener('c', (e) => e.preventDefault());
    log('cancel', et.dispatchEvent(ev), ev.defaultPrevented, ev.cancelable, ev.bubbles);
    et.addEventListener('s', (e) => { log('first'); e.stopImmediatePropagation(); });
    et.addEventListener('s', () => log('never'));
    et.dispatchEvent(new Event('s'));
    try { et.dispatchEvent('nope'); } catch (e) { log(e); }
    try { new Event(); } catch (e) { log(e); }
    log(require('util').inspect(new Event('x')).replace(/timeStamp: [0-9.]+/, 'timeStamp: T'), typeof Event.NONE, Event.AT_TARGET);
  },
  async abort(require, log) {
    const ac = new AbortController();
    const { signal } = ac;
    log(signal.aborted, signal.reason);
    signal.addEventListener('abort', (e) => log('abort event', e.type, signal.reason));
    signal.onabort = () => log('onabort');
    ac.abort();
    ac.abort('again');
    log(signal.aborted, signal.reason, signal.reason instanceof DOMException, signal.reason.name, signal.reason.code);
    try { signal.throwIfAborted(); } catch (e) { log('thrown', e.name, e.message); }
    const s2 = AbortSignal.abort('custom');
    log(s2.aborted, s2.reason);
    const t = AbortSignal.timeout(5);
    await new Promise((res) => t.addEventListener('abort', res));
    log('timeout', t.reason.name, t.reason.message);
    const any = AbortSignal.any([new AbortController().signal, s2]);
    log('any', any.aborted, any.reason);
    log(ac, signal);
    const { once, EventEmitter } = require('events');
    const ac2 = new AbortController();
    const p = once(new EventEmitter(), 'never', { signal: ac2.signal });
    ac2.abort();
    await p.catch((e) => log('once aborted', e.name, e.code));
  },
  globals(require, log) {
    log(typeof Buffer, typeof URL, typeof URLSearchParams, typeof TextEncoder, typeof TextDecoder, typeof atob, typeof btoa, typeof structuredClone);
    log(Object.keys(globalThis).filter((k) => ['Buffer', 'URL', 'console', 'structuredClone'].includes(k)));
    log(atob(btoa('hi')), new URL('http://x/y').pathname, Buffer.from('a').length, new DOMException('m', 'AbortError').code);
  },
};

export default async function (t) {
  const realm = t.realm;
  realm.require('internal/bootstrap/globals');
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(realm, fn);
    t.check(`web: ${name}`, ours, theirs);
  }
}
