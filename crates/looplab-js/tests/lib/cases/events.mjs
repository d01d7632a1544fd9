// EventEmitter behaviour, ours vs node's.
import { runBoth } from '../scenario.mjs';

export const SCENARIOS = {
  basic(require, log) {
    const EventEmitter = require('events');
    const e = new EventEmitter();
    e.on('a', (x, y) => log('a1', x, y));
    e.addListener('a', function () { log('a2 this ok', this === e); });
    e.prependListener('a', () => log('a0'));
    log('emit', e.emit('a', 1, 2), e.emit('none'));
    log(e.listenerCount('a'), e.eventNames(), e.listeners('a').length);
  },
  once(require, log) {
    const EventEmitter = require('events');
    const e = new EventEmitter();
    const f = () => log('once');
    e.once('x', f);
    e.prependOnceListener('x', () => log('first'));
    log(e.rawListeners('x').map((l) => l.listener === f), e.listeners('x')[1] === f);
    e.emit('x'); e.emit('x');
    log(e.listenerCount('x'));
    e.once('y', f); e.off('y', f); log(e.emit('y'));
  },
  newListenerAndRemove(require, log) {
    const EventEmitter = require('events');
    const e = new EventEmitter();
    e.on('newListener', (ev, l) => log('newListener', ev, typeof l));
    e.on('removeListener', (ev) => log('removeListener', ev));
    const h = () => {};
    e.on('q', h); e.once('r', h);
    e.removeListener('q', h); e.emit('r');
    e.on('s', h); e.on('t', h); e.removeAllListeners('s'); e.removeAllListeners();
    log(e.eventNames());
  },
  errors(require, log) {
    const EventEmitter = require('events');
    const e = new EventEmitter();
    try { e.emit('error', new Error('boom')); } catch (err) { log('caught', err); }
    try { e.emit('error', 'str'); } catch (err) { log('caught', err, err.context); }
    try { e.emit('error', { message: 'obj' }); } catch (err) { log('caught', err); }
    try { e.emit('error'); } catch (err) { log('caught', err); }
    e.on('error', (er) => log('handled', er));
    e.emit('error', new Error('ok'));
    try { e.on('x', 'notfn'); } catch (err) { log('caught', err); }
    try { e.setMaxListeners(-1); } catch (err) { log('caught', err); }
  },
  maxListeners(require, log) {
    const EventEmitter = require('events');
    const e = new EventEmitter();
    log(e.getMaxListeners(), EventEmitter.defaultMaxListeners);
    for (let i = 0; i < 11; i++) e.on('leak', () => {});
    e.setMaxListeners(1);
    e.on('other', () => {}); e.on('other', () => {});
    log(e.getMaxListeners());
  },
  removeDuringEmit(require, log) {
    const EventEmitter = require('events');
    const e = new EventEmitter();
    const b = () => log('b');
    e.on('x', () => { log('a'); e.removeListener('x', b); });
    e.on('x', b);
    e.emit('x'); e.emit('x');
    e.on('y', function self() { log('y'); e.on('y', () => log('added')); });
    e.emit('y'); e.emit('y');
  },
  inheritance(require, log) {
    const EventEmitter = require('events');
    const util = require('util');
    function Old() { EventEmitter.call(this); }
    util.inherits(Old, EventEmitter);
    const o = new Old();
    o.on('z', (v) => log('z', v));
    o.emit('z', 5);
    class New extends EventEmitter {}
    const n = new New();
    log(n instanceof EventEmitter, EventEmitter.EventEmitter === EventEmitter, typeof EventEmitter.once);
    log(EventEmitter.listenerCount(n, 'q'), require('util').inspect(new EventEmitter(), { depth: 0 }));
  },
  symbolsAndStatic(require, log) {
    const { EventEmitter, getEventListeners, errorMonitor } = require('events');
    const e = new EventEmitter();
    const s = Symbol('ev');
    e.on(s, () => log('sym'));
    e.on(errorMonitor, (er) => log('monitor', er));
    e.on('error', () => log('error handled'));
    e.emit(s); e.emit('error', new Error('x'));
    log(e.eventNames().length, getEventListeners(e, s).length);
  },
  async onceStatic(require, log) {
    const { EventEmitter, once } = require('events');
    const e = new EventEmitter();
    setTimeout(() => e.emit('go', 1, 2), 1);
    log('once', await once(e, 'go'));
    const p = once(e, 'ready');
    queueMicrotask(() => e.emit('error', new Error('failed')));
    try { await p; } catch (err) { log('rejected', err); }
  },
  emitArgs(require, log) {
    const EventEmitter = require('events');
    const e = new EventEmitter();
    e.on('n', (...a) => log(a.length, a));
    e.emit('n'); e.emit('n', 1); e.emit('n', 1, 2, 3, 4, 5);
    log(e.on('n', () => {}) === e, e.emit('n') === true);
  },
};

export default async function (t) {
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(t.realm, fn);
    t.check(`events: ${name}`, ours, theirs);
  }
}
