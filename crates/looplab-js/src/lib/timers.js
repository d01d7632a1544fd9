'use strict';
// Looplab: Node's timers (lib/timers.js, lib/internal/timers.js) over the model: a Timeout or
// Immediate object per call, kept by the id the model hands out; the model decides when it fires.

const { IdTable } = require('internal/looplab/id_table');
const { SymbolDispose } = require('internal/util');
const tasks = internalBinding('tasks');
const clock = internalBinding('clock');

const { TIMEOUT_MAX, getTimerDuration } = require('internal/timers');
const kRefed = Symbol('refed');
const kId = Symbol('looplab.timerId');
const kHasPrimitive = Symbol('kHasPrimitive');
const kModelRepeats = Symbol('looplab.modelRepeats');

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
    // Whether the model re-arms it (an interval), as opposed to `_repeat` set later by hand.
    this[kModelRepeats] = isRepeat;
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

  [SymbolDispose]() {
    clearTimeout(this);
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
  if (timer[kModelRepeats]) {
    if (typeof cb === 'function') Reflect.apply(cb, timer, args ?? []);
    // As listOnTimeout: an interval whose callback set `_idleTimeout` to -1 or dropped its
    // `_onTimeout` is not armed again.
    if (timer._idleTimeout === -1 || typeof timer._onTimeout !== 'function') unenroll(timer);
    return;
  }
  // As listOnTimeout's finally: a timeout is spent only after its callback, and only if the
  // callback did not refresh it.
  firing = timer;
  refreshedWhileFiring = false;
  try {
    if (typeof cb !== 'function') return;
    Reflect.apply(cb, timer, args ?? []);
  } finally {
    if (!refreshedWhileFiring && !timer._destroyed) {
      timeouts.delete(id);
      if (timer._repeat && timer._idleTimeout !== -1) {
        // A timeout its callback made repeat (`_repeat` set): armed again, as listOnTimeout.
        timer._idleTimeout = timer._repeat;
        timer[kId] = tasks.setTimeout(timer._repeat, false);
        timeouts.set(timer[kId], timer);
        if (!timer[kRefed]) tasks.timerRef(timer[kId], false);
      } else {
        timer._destroyed = true;
      }
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

  [SymbolDispose]() {
    clearImmediate(this);
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
  Reflect.apply(cb, immediate, immediate._argv ?? []);
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

// ---- enroll, unenroll, active: Node's deprecated timers on any object -------------------------
// An enrolled object carries its duration (`_idleTimeout`); `active` starts it, and when it is
// due Node calls the object's own `_onTimeout`. A plain object rides on a Timeout of the model's.
const kEnrolled = Symbol('looplab.enrolledTimeout');

function unenrollItem(item) {
  if (item instanceof Timeout) return unenroll(item);
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kEnrolled] !== undefined) unenroll(item[kEnrolled]);
  item[kEnrolled] = undefined;
  item._idleNext = null;
  item._idlePrev = null;
  // An `active` after this must not start it again.
  item._idleTimeout = -1;
}

function enroll(item, msecs) {
  msecs = getTimerDuration(msecs, 'msecs');
  if (item._idleNext) unenrollItem(item);
  item._idleNext = item;
  item._idlePrev = item;
  item._idleTimeout = msecs;
}

// Starts (or restarts) an enrolled object's timer, ref'd or not.
function insertGuarded(item, refed) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  if (item instanceof Timeout) {
    if (item._destroyed) {
      item._destroyed = false;
      item[kId] = tasks.setTimeout(msecs, false);
      timeouts.set(item[kId], item);
      item[kRefed] = true;
    } else {
      tasks.timerRefresh(item[kId]);
    }
    return refed ? item.ref() : item.unref();
  }
  if (item[kEnrolled] !== undefined) unenroll(item[kEnrolled]);
  item._destroyed = false;
  item._idleStart = Math.trunc(clock.now());
  item._idleNext = item;
  item._idlePrev = item;
  const timer = new Timeout(() => {
    // As listOnTimeout: off its list while its callback runs; spent unless the callback
    // started it again.
    item[kEnrolled] = undefined;
    item._idleNext = null;
    item._idlePrev = null;
    try {
      Reflect.apply(item._onTimeout, item, item._timerArgs ?? []);
    } finally {
      if (!item._idleNext && !item._idlePrev && !item._destroyed) item._destroyed = true;
    }
  }, msecs, undefined, false, true);
  if (!refed) timer.unref();
  item[kEnrolled] = timer;
}

function active(item) {
  insertGuarded(item, true);
}

function unrefActive(item) {
  insertGuarded(item, false);
}

module.exports = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval: clearTimeout,
  setImmediate,
  clearImmediate,
  runTimeout,
  runImmediate,
  scheduleInternal,
  Timeout,
  Immediate,
};
{
  const { deprecate } = require('internal/util');
  Object.assign(module.exports, {
    enroll: deprecate(enroll,
      'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095'),
    unenroll: deprecate(unenrollItem,
      'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096'),
    active: deprecate(active,
      'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126'),
    _unrefActive: deprecate(unrefActive,
      'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127'),
  });
}
Object.defineProperty(module.exports, 'promises', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return require('timers/promises'); },
});
