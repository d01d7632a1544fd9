'use strict';

// Looplab: the functions `events` exports beside EventEmitter, which work on
// both EventEmitters and EventTargets: once, on, getEventListeners,
// getMaxListeners, setMaxListeners, addAbortListener.

const errors = () => require('internal/errors');
const eventTarget = () => require('internal/event_target');

const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');

function invalidType(name, expected, value) {
  return new (errors().codes.ERR_INVALID_ARG_TYPE)(name, expected, value);
}

function abortError(signal) {
  return new (errors().AbortError)(undefined, { cause: signal?.reason });
}

const isEmitter = (v) => v !== null && typeof v === 'object' && typeof v.on === 'function' &&
  typeof v.removeListener === 'function' && typeof v.emit === 'function';
const isTarget = (v) => eventTarget().isEventTarget(v);

function checkSignal(signal, name) {
  if (signal === undefined) return;
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw invalidType(name, 'AbortSignal', signal);
  }
}

function checkOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalidType('options', 'Object', options);
  }
}

const kResist = () => eventTarget().kResistStopPropagation;

// Listens for `name` once; resolves with the event's arguments (an EventTarget
// gives [event]). An 'error' event on an emitter rejects instead.
function once(emitter, name, options = {}) {
  checkOptions(options);
  const signal = options.signal;
  checkSignal(signal, 'options.signal');
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let cleanup;
    const onAbort = () => {
      cleanup();
      reject(abortError(signal));
    };
    if (isTarget(emitter) && !isEmitter(emitter)) {
      const listener = (...args) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(args);
      };
      emitter.addEventListener(name, listener, { once: true, [kResist()]: true });
      cleanup = () => emitter.removeEventListener(name, listener);
    } else {
      if (!isEmitter(emitter)) throw invalidType('emitter', 'EventEmitter', emitter);
      const onError = (err) => {
        cleanup();
        reject(err);
      };
      const listener = (...args) => {
        cleanup();
        resolve(args);
      };
      emitter.once(name, listener);
      if (name !== 'error') emitter.once('error', onError);
      cleanup = () => {
        emitter.removeListener(name, listener);
        if (name !== 'error') emitter.removeListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
      };
    }
    signal?.addEventListener('abort', onAbort, { once: true, [kResist()]: true });
  });
}

// An async iterator over `event`'s argument arrays until return() or an error.
function on(emitter, event, options = {}) {
  checkOptions(options);
  const signal = options.signal;
  checkSignal(signal, 'options.signal');
  if (signal?.aborted) throw abortError(signal);
  const queued = [];
  const waiting = [];
  let error = null;
  let finished = false;
  const target = isTarget(emitter) && !isEmitter(emitter);
  const add = (name, fn) => (target ? emitter.addEventListener(name, fn) : emitter.on(name, fn));
  const remove = (name, fn) => (target ? emitter.removeEventListener(name, fn) : emitter.removeListener(name, fn));

  const onEvent = (...args) => {
    if (waiting.length > 0) waiting.shift().resolve({ value: args, done: false });
    else queued.push(args);
  };
  const onError = (err) => {
    if (waiting.length > 0) waiting.shift().reject(err);
    else error = err;
    iterator.return();
  };
  const onAbort = () => onError(abortError(signal));
  const onClose = () => iterator.return();
  const closeOn = options.close || [];

  const iterator = {
    next() {
      if (queued.length > 0) return Promise.resolve({ value: queued.shift(), done: false });
      if (error !== null) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      if (!finished) {
        finished = true;
        remove(event, onEvent);
        if (!target && event !== 'error') remove('error', onError);
        for (const name of closeOn) remove(name, onClose);
        signal?.removeEventListener('abort', onAbort);
        for (const w of waiting.splice(0)) w.resolve({ value: undefined, done: true });
      }
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      error = err;
      return iterator.return();
    },
    [Symbol.asyncIterator]() { return this; },
  };
  Object.setPrototypeOf(iterator, Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})())));
  add(event, onEvent);
  if (!target && event !== 'error') add('error', onError);
  for (const name of closeOn) add(name, onClose);
  signal?.addEventListener('abort', onAbort, { once: true });
  return iterator;
}

function getEventListeners(emitterOrTarget, type) {
  if (emitterOrTarget !== null && typeof emitterOrTarget?.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isTarget(emitterOrTarget)) return eventTarget().listenersOf(emitterOrTarget, type);
  throw invalidType('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') return emitterOrTarget.getMaxListeners();
  if (isTarget(emitterOrTarget)) return emitterOrTarget[kMaxEventTargetListeners];
  throw invalidType('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function setMaxListeners(n = require('events').defaultMaxListeners, ...targets) {
  if (typeof n !== 'number') throw invalidType('setMaxListeners', 'number', n);
  if (n < 0 || Number.isNaN(n)) throw new (errors().codes.ERR_OUT_OF_RANGE)('setMaxListeners', '>= 0', n);
  if (targets.length === 0) {
    require('events').defaultMaxListeners = n;
    return;
  }
  for (const t of targets) {
    if (isTarget(t)) {
      t[kMaxEventTargetListeners] = n;
      t[kMaxEventTargetListenersWarned] = false;
    } else if (typeof t?.setMaxListeners === 'function') {
      t.setMaxListeners(n);
    } else {
      throw invalidType('eventTargets', ['EventEmitter', 'EventTarget'], t);
    }
  }
}

const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

function addAbortListener(signal, listener) {
  if (signal === undefined) throw invalidType('signal', 'AbortSignal', signal);
  checkSignal(signal, 'signal');
  if (typeof listener !== 'function') throw invalidType('listener', 'Function', listener);
  let remove;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { __proto__: null, once: true, [kResist()]: true });
    remove = () => signal.removeEventListener('abort', listener);
  }
  return { __proto__: null, [kDispose]() { remove?.(); } };
}

module.exports = {
  once,
  on,
  getEventListeners,
  getMaxListeners,
  setMaxListeners,
  addAbortListener,
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
};
