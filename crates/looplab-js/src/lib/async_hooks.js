'use strict';
// Looplab: async_hooks' AsyncLocalStorage and AsyncResource. A frame (a Map from each storage
// to its store) is current while code runs; every callback keeps the frame current when it was
// scheduled and runs in it (the host keeps frames for timers, immediates, nextTicks, requests,
// sockets and promise reactions). Frames are never changed, only replaced, so a kept frame
// stays as it was. createHook and the async ids are not modelled: they throw saying so.

const frames = internalBinding('async_context');

function withStore(frame, storage, store) {
  const next = new Map(frame);
  next.set(storage, store);
  return next;
}

function runIn(frame, fn, thisArg, args) {
  const before = frames.get();
  frames.set(frame);
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    frames.set(before);
  }
}

function checkFunction(fn, name) {
  if (typeof fn !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', fn);
  }
}

class AsyncLocalStorage {
  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const frame = frames.get();
    return (fn, ...args) => runIn(frame, fn, undefined, args);
  }

  disable() {
    const frame = frames.get();
    if (frame?.has(this)) {
      const next = new Map(frame);
      next.delete(this);
      frames.set(next);
    }
  }

  getStore() {
    return frames.get()?.get(this);
  }

  enterWith(store) {
    frames.set(withStore(frames.get(), this, store));
  }

  run(store, callback, ...args) {
    return runIn(withStore(frames.get(), this, store), callback, null, args);
  }

  exit(callback, ...args) {
    const frame = frames.get();
    if (!frame?.has(this)) return Reflect.apply(callback, null, args);
    const next = new Map(frame);
    next.delete(this);
    return runIn(next, callback, null, args);
  }
}

class AsyncResource {
  #frame;

  constructor(type, options) {
    if (typeof type !== 'string') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
    }
    this.#frame = frames.get();
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return runIn(this.#frame, fn, thisArg, args);
  }

  emitDestroy() {
    return this;
  }

  bind(fn, thisArg) {
    checkFunction(fn, 'fn');
    const bound = (...args) => this.runInAsyncScope(fn, thisArg === undefined ? this : thisArg, ...args);
    Object.defineProperties(bound, {
      length: { __proto__: null, configurable: true, value: fn.length },
      asyncResource: { __proto__: null, configurable: true, enumerable: true, writable: true, value: this },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    return new AsyncResource(type || fn.name || 'bound-anonymous-fn').bind(fn, thisArg);
  }
}

function notModelled(name) {
  return function () {
    throw new Error(`async_hooks.${name} is not modelled by Looplab: AsyncLocalStorage and AsyncResource are`);
  };
}

module.exports = {
  AsyncLocalStorage,
  AsyncResource,
  createHook: notModelled('createHook'),
  executionAsyncId: notModelled('executionAsyncId'),
  triggerAsyncId: notModelled('triggerAsyncId'),
  executionAsyncResource: notModelled('executionAsyncResource'),
};
