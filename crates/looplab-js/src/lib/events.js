'use strict';

// Looplab: Node's `events` module. EventEmitter keeps listeners in `_events`
// (a null-prototype object: one function, or an array once there are two),
// because scripts that print an emitter see exactly those fields in Node.

const kCapture = Symbol('kCapture');
const kShapeMode = Symbol('shapeMode');
const kErrorMonitor = Symbol('events.errorMonitor');
const kRejection = Symbol.for('nodejs.rejection');

let defaultMaxListeners = 10;
let captureRejectionsDefault = false;

const errors = () => require('internal/errors');
const inspect = (v, o) => require('internal/util/inspect').inspect(v, o);

function invalidType(name, expected, value) {
  return new (errors().codes.ERR_INVALID_ARG_TYPE)(name, expected, value);
}

function checkListener(listener) {
  if (typeof listener !== 'function') throw invalidType('listener', 'Function', listener);
}

function checkCount(n, name) {
  if (typeof n !== 'number') throw invalidType(name, 'number', n);
  if (n < 0 || Number.isNaN(n)) throw new (errors().codes.ERR_OUT_OF_RANGE)(name, '>= 0', n);
}

function EventEmitter(opts) {
  init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts?.captureRejections) {
    if (typeof opts.captureRejections !== 'boolean') {
      throw invalidType('options.captureRejections', 'boolean', opts.captureRejections);
    }
    this[kCapture] = true;
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
}

EventEmitter.prototype[kCapture] = false;

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  checkCount(n, 'setMaxListeners');
  this._maxListeners = n;
  return this;
};

function maxOf(emitter) {
  return emitter._maxListeners === undefined ? defaultMaxListeners : emitter._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return maxOf(this);
};

// Marks an error thrown for an unhandled 'error' event (hidden, like Node's own
// stack-enhancer slot) so the host can print Node's "Unhandled 'error' event"
// header: { thrown: 'error' | 'wrapped', emitter: constructor name }.
const kUnhandledErrorEvent = Symbol.for('looplab.unhandledErrorEvent');

function markUnhandled(err, emitter, thrown) {
  try {
    Object.defineProperty(err, kUnhandledErrorEvent, {
      __proto__: null,
      value: { thrown, emitter: emitter?.constructor?.name ?? 'EventEmitter' },
      configurable: true,
      enumerable: false,
      writable: true,
    });
  } catch {
    // a frozen error keeps Node's plain output
  }
}

function unhandledError(emitter, args) {
  const er = args.length > 0 ? args[0] : undefined;
  if (er instanceof Error) {
    markUnhandled(er, emitter, 'error');
    throw er;
  }
  let shown;
  try {
    shown = inspect(er);
  } catch {
    shown = String(er);
  }
  const err = new (errors().codes.ERR_UNHANDLED_ERROR)(shown);
  err.context = er;
  markUnhandled(err, emitter, 'wrapped');
  throw err;
}

// With captureRejections, a listener's rejected promise becomes an 'error'
// event (or a call to the emitter's Symbol.for('nodejs.rejection') method).
function watchRejection(emitter, result, type, args) {
  if (result === undefined || result === null || typeof result.then !== 'function') return;
  result.then(undefined, (err) => process.nextTick(() => {
    if (typeof emitter[kRejection] === 'function') {
      emitter[kRejection](err, type, ...args);
      return;
    }
    const prev = emitter[kCapture];
    try {
      emitter[kCapture] = false;
      emitter.emit('error', err);
    } finally {
      emitter[kCapture] = prev;
    }
  }));
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  const events = this._events;
  if (type === 'error') {
    if (events !== undefined && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    if (events === undefined || events.error === undefined) unhandledError(this, args);
  }
  if (events === undefined) return false;
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    const r = Reflect.apply(handler, this, args);
    if (this[kCapture]) watchRejection(this, r, type, args);
    return true;
  }
  // A copy: listeners added or removed while emitting take effect next time.
  const list = handler.slice();
  for (let i = 0; i < list.length; i++) {
    const r = Reflect.apply(list[i], this, args);
    if (this[kCapture]) watchRejection(this, r, type, args);
  }
  return true;
};

function leakWarning(target, type, count, max) {
  const w = new Error(`Possible EventEmitter memory leak detected. ${count} ${String(type)} listeners ` +
    `added to ${inspect(target, { depth: -1 })}. MaxListeners is ${max}. ` +
    'Use emitter.setMaxListeners() to increase limit');
  w.name = 'MaxListenersExceededWarning';
  w.emitter = target;
  w.type = type;
  w.count = count;
  process.emitWarning(w);
}

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    target.emit('newListener', type, listener.listener ?? listener);
    events = target._events; // a newListener handler may have reset it
  }
  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    target._eventsCount++;
    return target;
  }
  let list;
  if (typeof existing === 'function') {
    list = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else {
    list = existing;
    if (prepend) list.unshift(listener);
    else list.push(listener);
  }
  const max = maxOf(target);
  if (max > 0 && list.length > max && !list.warned) {
    list.warned = true;
    leakWarning(target, type, list.length, max);
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener_(type, listener) {
  return addListener(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return addListener(this, type, listener, true);
};

function onceWrapper(...args) {
  if (this.fired) return undefined;
  this.target.removeListener(this.type, this.wrapFn);
  this.fired = true;
  return Reflect.apply(this.listener, this.target, args);
}

// A bound function, so it prints as Node's does: [Function: bound onceWrapper].
function wrapOnce(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, wrapOnce(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, wrapOnce(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount--;
    if (this[kShapeMode]) events[type] = undefined;
    else if (this._eventsCount === 0) this._events = { __proto__: null };
    else delete events[type];
    if (events.removeListener !== undefined) this.emit('removeListener', type, list.listener || listener);
    return this;
  }
  if (typeof list === 'function') return this;
  let at = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      at = i;
      break;
    }
  }
  if (at < 0) return this;
  list.splice(at, 1);
  if (list.length === 1) events[type] = list[0];
  // From a list, Node reports the function it was asked to remove (a once
  // wrapper removing itself reports the wrapper).
  if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  const all = arguments.length === 0;
  if (events.removeListener === undefined) {
    if (all) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
      this[kShapeMode] = false;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    return this;
  }
  // Someone listens for 'removeListener': remove one at a time so they hear it,
  // and that listener itself last.
  if (all) {
    for (const key of Reflect.ownKeys(events)) {
      if (key !== 'removeListener') this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const l = events[type];
  if (l === undefined) return [];
  const list = typeof l === 'function' ? [l] : l.slice();
  return unwrap ? list.map((f) => f.listener || f) : list;
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const l = events[type];
  if (l === undefined) return 0;
  const list = typeof l === 'function' ? [l] : l;
  if (listener === undefined || listener === null) return list.length;
  return list.filter((f) => f === listener || f.listener === listener).length;
}
EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

function staticListenerCount(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
}

// Static members, in the order Node lists them.
module.exports = EventEmitter;
const helpers = require('internal/events/helpers');
EventEmitter.addAbortListener = helpers.addAbortListener;
EventEmitter.once = helpers.once;
EventEmitter.on = helpers.on;
EventEmitter.getEventListeners = helpers.getEventListeners;
EventEmitter.getMaxListeners = helpers.getMaxListeners;
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = kRejection;
Object.defineProperty(EventEmitter, 'captureRejections', {
  __proto__: null,
  enumerable: true,
  get() { return captureRejectionsDefault; },
  set(value) {
    if (typeof value !== 'boolean') throw invalidType('EventEmitter.captureRejections', 'boolean', value);
    captureRejectionsDefault = value;
    EventEmitter.prototype[kCapture] = value;
  },
});

EventEmitter.EventEmitterAsyncResource = EventEmitter;
EventEmitter.errorMonitor = kErrorMonitor;
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  __proto__: null,
  enumerable: true,
  get() { return defaultMaxListeners; },
  set(n) {
    checkCount(n, 'defaultMaxListeners');
    defaultMaxListeners = n;
  },
});

EventEmitter.kMaxEventTargetListeners = helpers.kMaxEventTargetListeners;
EventEmitter.kMaxEventTargetListenersWarned = helpers.kMaxEventTargetListenersWarned;
EventEmitter.setMaxListeners = helpers.setMaxListeners;
EventEmitter.init = init;
EventEmitter.listenerCount = staticListenerCount;
