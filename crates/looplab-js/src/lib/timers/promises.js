'use strict';

// Looplab: `timers/promises`: promise forms of the host's timer functions,
// cancellable with an AbortSignal; setInterval is an async iterator.

const timers = {
  setTimeout: globalThis.setTimeout,
  clearTimeout: globalThis.clearTimeout,
  setImmediate: globalThis.setImmediate,
  clearImmediate: globalThis.clearImmediate,
  setInterval: globalThis.setInterval,
  clearInterval: globalThis.clearInterval,
};

const errors = () => require('internal/errors');

function abortError(signal) {
  return new (errors().AbortError)(undefined, { cause: signal?.reason });
}

function checkOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)('options', 'Object', options);
  }
  const { signal, ref = true } = options;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)('options.signal', 'AbortSignal', signal);
  }
  if (typeof ref !== 'boolean') throw new (errors().codes.ERR_INVALID_ARG_TYPE)('options.ref', 'boolean', ref);
  return { signal, ref };
}

// One-shot timer as a promise; `start` arms it and returns a cancel function.
function oneShot(value, options, start) {
  let opts;
  try {
    opts = checkOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref } = opts;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const cancel = start(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    }, ref);
    if (signal) {
      onAbort = () => {
        cancel();
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setTimeout(delay, value, options = {}) {
  return oneShot(value, options, (fire, ref) => {
    const t = timers.setTimeout(fire, delay);
    if (!ref) t?.unref?.();
    return () => timers.clearTimeout(t);
  });
}

function setImmediate(value, options = {}) {
  return oneShot(value, options, (fire, ref) => {
    const t = timers.setImmediate(fire);
    if (!ref) t?.unref?.();
    return () => timers.clearImmediate(t);
  });
}

async function* setInterval(delay, value, options = {}) {
  const { signal, ref } = checkOptions(options);
  if (signal?.aborted) throw abortError(signal);
  // Ticks that fired while the consumer was busy are all delivered.
  let pendingTicks = 0;
  let wake;
  const notify = () => {
    const w = wake;
    wake = undefined;
    if (w) w();
  };
  const interval = timers.setInterval(() => {
    pendingTicks++;
    notify();
  }, delay);
  if (!ref) interval?.unref?.();
  const onAbort = () => {
    timers.clearInterval(interval);
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    while (!signal?.aborted) {
      if (pendingTicks === 0) await new Promise((resolve) => { wake = resolve; });
      for (; pendingTicks > 0; pendingTicks--) yield value;
    }
    throw abortError(signal);
  } finally {
    timers.clearInterval(interval);
    signal?.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait(delay, options) {
    return setTimeout(delay, undefined, options);
  },
  yield() {
    return setImmediate();
  },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
