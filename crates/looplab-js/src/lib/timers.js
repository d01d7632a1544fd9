'use strict';
// Looplab: Node's timers (lib/timers.js, lib/internal/timers.js) over the model: a Timeout or
// Immediate object per call, kept by the id the model hands out; the model decides when it fires.

const { IdTable } = require('internal/looplab/id_table');
const tasks = internalBinding('tasks');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kId = Symbol('looplab.timerId');
const kHasPrimitive = Symbol('kHasPrimitive');

const timeouts = new IdTable(); // model id -> Timeout
// The one-shot timer whose callback runs, and whether that callback refreshed it (armed again).
let firing = null;
let refreshedWhileFiring = false;
const immediates = new IdTable(); // model id -> Immediate

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1; // Coalesce to number or NaN
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[kId] = tasks.setTimeout(after, isRepeat);
    timeouts.set(this[kId], this);
  }

  refresh() {
    if (!this._destroyed) {
      tasks.timerRefresh(this[kId]);
      if (this === firing) refreshedWhileFiring = true;
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) tasks.timerRef(this[kId], false);
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) tasks.timerRef(this[kId], true);
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    this[kHasPrimitive] = true;
    return this[kId];
  }
}

function unenroll(timer) {
  if (timer._destroyed) return;
  timer._destroyed = true;
  timeouts.delete(timer[kId]);
  tasks.clearTimeout(timer[kId]);
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  return new Timeout(callback, after, args.length ? args : undefined, false, true);
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  return new Timeout(callback, repeat, args.length ? args : undefined, true, true);
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = timeouts.get(+timer);
    if (t !== undefined && t[kHasPrimitive]) {
      t._onTimeout = null;
      unenroll(t);
    }
  }
}

// Host-internal delays (c-ares answers) ride on the model's timers without a Timeout object.
const internalTimers = new IdTable();
function scheduleInternal(after, fn) {
  internalTimers.set(tasks.setTimeout(after, false), fn);
}

// The model fires timer `id`: run its callback; a one-shot timer is done afterwards.
function runTimeout(id) {
  const internal = internalTimers.get(id);
  if (internal !== undefined) {
    internalTimers.delete(id);
    internal();
    return;
  }
  const timer = timeouts.get(id);
  if (timer === undefined || timer._destroyed) return;
  const args = timer._timerArgs;
  const cb = timer._onTimeout;
  if (timer._repeat) {
    if (typeof cb !== 'function') return;
    if (args === undefined) cb.call(timer);
    else cb.apply(timer, args);
    return;
  }
  // As listOnTimeout's finally: a timeout is spent only after its callback, and only if the
  // callback did not refresh it.
  firing = timer;
  refreshedWhileFiring = false;
  try {
    if (typeof cb !== 'function') return;
    if (args === undefined) cb.call(timer);
    else cb.apply(timer, args);
  } finally {
    if (!refreshedWhileFiring && !timer._destroyed) {
      timer._destroyed = true;
      timeouts.delete(id);
    }
    firing = null;
  }
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    this[kId] = tasks.setImmediate();
    immediates.set(this[kId], this);
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) tasks.immediateRef(this[kId], true);
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) tasks.immediateRef(this[kId], false);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed) return;
  immediate._destroyed = true;
  immediate._onImmediate = null;
  immediates.delete(immediate[kId]);
  tasks.clearImmediate(immediate[kId]);
}

function runImmediate(id) {
  const immediate = immediates.get(id);
  if (immediate === undefined || immediate._destroyed) return;
  immediate._destroyed = true;
  immediates.delete(id);
  const cb = immediate._onImmediate;
  const argv = immediate._argv;
  if (argv === undefined) cb.call(immediate);
  else cb.apply(immediate, argv);
}

// util.promisify(setTimeout) and util.promisify(setImmediate) are timers/promises' functions, as
// in Node, which defines them as the timers' promisify.custom.
for (const [fn, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    __proto__: null,
    enumerable: true,
    get() { return require('timers/promises')[name]; },
  });
}

function active(timer) {
  if (timer && !timer._destroyed) timer.refresh();
}

module.exports = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval: clearTimeout,
  setImmediate,
  clearImmediate,
  active,
  runTimeout,
  runImmediate,
  scheduleInternal,
  Timeout,
  Immediate,
};
Object.defineProperty(module.exports, 'promises', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return require('timers/promises'); },
});
