// More EventEmitter and EventTarget behaviour (events.on, captureRejections,
// leak warnings, static helpers), ours vs node's.
import { runBoth } from '../scenario.mjs';

export const SCENARIOS = {
  async onIterator(require, log) {
    const { EventEmitter, on } = require('events');
    const e = new EventEmitter();
    setTimeout(() => { e.emit('d', 1); e.emit('d', 2, 3); e.emit('end'); }, 1);
    for await (const args of on(e, 'd', { close: ['end'] })) log('got', args);
    log('done', e.listenerCount('d'), e.listenerCount('error'));
    const it = on(e, 'x');
    e.emit('x', 'a');
    log(await it.next());
    e.emit('error', new Error('bad'));
    try { await it.next(); } catch (err) { log('iter error', err); }
    log(await it.next());
  },
  async captureRejections(require, log) {
    const { EventEmitter } = require('events');
    const e = new EventEmitter({ captureRejections: true });
    e.on('x', async () => { throw new Error('async fail'); });
    e.on('error', (err) => log('captured', err));
    e.emit('x');
    await new Promise((r) => setTimeout(r, 5));
    const f = new EventEmitter({ captureRejections: true });
    f[Symbol.for('nodejs.rejection')] = (err, ev, ...args) => log('rejection hook', err, ev, args);
    f.on('y', async () => { throw new Error('hooked'); });
    f.emit('y', 1, 2);
    await new Promise((r) => setTimeout(r, 5));
    try { new EventEmitter({ captureRejections: 1 }); } catch (err) { log(err); }
  },
  leakWarnings(require, log) {
    const { EventEmitter, setMaxListeners, getMaxListeners } = require('events');
    const et = new EventTarget();
    for (let i = 0; i < 11; i++) et.addEventListener('foo', () => {});
    log(getMaxListeners(et), getMaxListeners(new EventEmitter()));
    setMaxListeners(2, et);
    log(getMaxListeners(et));
    class Sub extends EventEmitter {}
    const s = new Sub();
    s.setMaxListeners(1);
    s.on(Symbol('sym'), () => {});
    s.on('a', () => {}); s.on('a', () => {}); s.on('a', () => {});
    try { setMaxListeners(-1); } catch (err) { log(err); }
    try { setMaxListeners(1, {}); } catch (err) { log(err); }
    try { EventEmitter.defaultMaxListeners = 'x'; } catch (err) { log(err); }
    log(EventEmitter.defaultMaxListeners);
  },
  listenerApis(require, log) {
    const { EventEmitter, getEventListeners } = require('events');
    const e = new EventEmitter();
    const f = () => {};
    e.on('a', f); e.once('a', f); e.on('b', f);
    log(e.listenerCount('a'), e.listenerCount('a', f), e.listeners('a').length, e.rawListeners('a')[1].listener === f);
    log(getEventListeners(e, 'a').length, e.eventNames());
    e.removeListener('a', f);
    log(e.rawListeners('a').length, typeof e.rawListeners('a')[0].listener);
    e.removeAllListeners('a');
    log(e.eventNames(), e._eventsCount);
    e.removeAllListeners('none');
    log(e.emit('a'), EventEmitter.listenerCount(e, 'b'));
    try { getEventListeners({}, 'x'); } catch (err) { log(err); }
    const once = e.once('z', function () { log('once this', this === e); });
    log(once === e);
    e.emit('z');
    const p = new EventEmitter();
    p.on('removeListener', (n, l) => log('removed', n, l.name));
    function named() {}
    p.once('k', named); p.emit('k');
    const q = new EventEmitter();
    const nameOf = (l) => l.name || 'anonymous';
    q.on('removeListener', (ev, l) => log('q removed', String(ev), nameOf(l)));
    q.on('c', function x() {}); q.once('c', function g() {}); q.emit('c');
    function g2() {}
    q.on('d', function y() {}); q.once('d', g2); q.off('d', g2);
    q.once('removeListener', function selfOnce() {}); q.on('e', function e1() {}); q.off('e', function other() {});
    function Shaped() { this._events = { close: undefined, data: undefined }; EventEmitter.call(this); }
    Object.setPrototypeOf(Shaped.prototype, EventEmitter.prototype);
    const s = new Shaped();
    s.on('x', f); s.on('data', f);
    log(s.eventNames(), s._eventsCount, s.listenerCount('close'));
    s.removeListener('data', f); s.removeAllListeners('x');
    log(s.eventNames(), Object.keys(s._events), s._eventsCount);
  },
  async abortHelpers(require, log) {
    const { addAbortListener, once } = require('events');
    const ac = new AbortController();
    addAbortListener(ac.signal, (e) => log('abort listener', e.type));
    ac.abort();
    const done = AbortSignal.abort();
    addAbortListener(done, (...a) => log('late listener', a.length));
    await new Promise((r) => setTimeout(r, 1));
    try { await once(new EventEmitter(), 'x', { signal: done }); } catch (err) { log(err.name, err.code, err.message, err.cause?.name); }
    const et = new EventTarget();
    setTimeout(() => et.dispatchEvent(new Event('ping')), 1);
    const [ev] = await once(et, 'ping');
    log('target once', ev.type, ev.isTrusted);
    function EventEmitter() { return new (require('events'))(); }
  },
  eventTargetMore(require, log) {
    const et = new EventTarget();
    const ac = new AbortController();
    et.addEventListener('a', () => log('with signal'), { signal: ac.signal });
    et.dispatchEvent(new Event('a'));
    ac.abort();
    log(et.dispatchEvent(new Event('a')));
    et.addEventListener('p', (e) => { e.preventDefault(); log('passive prevented?', e.defaultPrevented); }, { passive: true });
    et.dispatchEvent(new Event('p', { cancelable: true }));
    et.addEventListener('c', () => log('capture'), true);
    et.addEventListener('c', () => log('capture'), { capture: true });
    et.removeEventListener('c', () => {}, true);
    et.dispatchEvent(new Event('c'));
    const e = new Event('x', { bubbles: true, composed: true });
    log(e.bubbles, e.composed, e.isTrusted, e.returnValue, e.eventPhase, e.composedPath(), e.target, String(e));
    et.addEventListener('x', (ev) => log('in dispatch', ev.eventPhase, ev.composedPath().length, ev.currentTarget === et));
    et.dispatchEvent(e);
    try { et.dispatchEvent(e); log('redispatch ok'); } catch (err) { log(err); }
    try { new AbortSignal(); } catch (err) { log(err); }
    try { AbortSignal.timeout(-1); } catch (err) { log(err); }
    try { et.addEventListener('x', 5); } catch (err) { log(err); }
    try { et.addEventListener(); } catch (err) { log(err); }
    const d = new DOMException('m', { name: 'TimeoutError', cause: 1 });
    log(d.name, d.code, d.cause, d.message, d instanceof Error, Object.prototype.toString.call(d), DOMException.ABORT_ERR);
    log(String(new AbortController().signal), Object.keys(new Event('k')));
    const u = require('util');
    log(u.inspect({ c: new AbortController(), t: new EventTarget(), e: new Event('x'), s: AbortSignal.abort() }, { depth: 0 }));
    log(u.inspect({ a: { c: new AbortController() } }, { depth: 1 }), u.inspect(new DOMException('m', 'AbortError')).split('\n')[0]);
  },
};

export default async function (t) {
  const realm = t.realm;
  realm.require('internal/bootstrap/globals');
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(realm, fn);
    t.check(`events_extra: ${name}`, ours, theirs);
  }
}
