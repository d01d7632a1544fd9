'use strict';
// Looplab: sets up a realm like Node's before the user's script runs: the built-in module loader,
// `process`, the globals, and the dispatch table the host calls when the model says a task runs.
// Called as (exports, require = undefined, module, internalBinding).

const bindingCache = new Map();
function binding(name) {
  let b = bindingCache.get(name);
  if (b === undefined) {
    b = internalBinding(name);
    bindingCache.set(name, b);
  }
  return b;
}

const moduleBinding = binding('module');
const builtinCache = new Map();

// Built-ins are cached by name before they run, so cycles see partial exports, as in Node.
function requireBuiltin(name) {
  if (name.startsWith('node:')) name = name.slice(5);
  const cached = builtinCache.get(name);
  if (cached !== undefined) return cached.exports;
  const fn = moduleBinding.compileBuiltin(name);
  if (fn === undefined) throw new Error(`No such built-in module: ${name}`);
  const mod = { exports: {}, id: name, loaded: false };
  builtinCache.set(name, mod);
  try {
    fn.call(mod.exports, mod.exports, requireBuiltin, mod, binding, undefined);
  } catch (err) {
    builtinCache.delete(name);
    throw err;
  }
  mod.loaded = true;
  return mod.exports;
}

const publicBuiltins = new Set(moduleBinding.builtinNames());
const internals = { binding, requireBuiltin, publicBuiltins };
globalThis[Symbol.for('looplab.internals')] = internals;

function defineLazy(name, load) {
  Object.defineProperty(globalThis, name, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      const value = load();
      Object.defineProperty(globalThis, name, {
        __proto__: null, value, writable: true, configurable: true, enumerable: false,
      });
      return value;
    },
    set(value) {
      Object.defineProperty(globalThis, name, {
        __proto__: null, value, writable: true, configurable: true, enumerable: false,
      });
    },
  });
}

function defineValue(name, value) {
  Object.defineProperty(globalThis, name, {
    __proto__: null, value, writable: true, configurable: true, enumerable: false,
  });
}

defineValue('global', globalThis);
const process = requireBuiltin('internal/looplab/process');
defineValue('process', process);

const timers = requireBuiltin('timers');
for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
  'setImmediate', 'clearImmediate']) {
  defineValue(name, timers[name]);
}

const tasks = binding('tasks');
defineValue('queueMicrotask', function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  tasks.queueMicrotask(callback);
});

defineLazy('console', () => requireBuiltin('console'));
const maybe = (name, prop) => () => {
  try {
    const m = requireBuiltin(name);
    return prop ? m[prop] : m;
  } catch {
    return undefined;
  }
};
defineLazy('Buffer', maybe('buffer', 'Buffer'));
defineLazy('atob', maybe('buffer', 'atob'));
defineLazy('btoa', maybe('buffer', 'btoa'));
defineLazy('EventTarget', maybe('internal/event_target', 'EventTarget'));
defineLazy('Event', maybe('internal/event_target', 'Event'));
defineLazy('AbortController', maybe('internal/abort_controller', 'AbortController'));
defineLazy('AbortSignal', maybe('internal/abort_controller', 'AbortSignal'));
defineLazy('DOMException', maybe('internal/dom_exception'));
defineLazy('URL', maybe('internal/url', 'URL'));
defineLazy('URLSearchParams', maybe('internal/url', 'URLSearchParams'));
defineLazy('TextEncoder', maybe('util', 'TextEncoder'));
defineLazy('TextDecoder', maybe('util', 'TextDecoder'));
defineLazy('structuredClone', () => requireBuiltin('internal/looplab/structured_clone'));
const clock = binding('clock');
defineValue('performance', {
  now: () => clock.now(),
  timeOrigin: 1704067200000,
  toJSON() { return { timeOrigin: this.timeOrigin }; },
});

const fatal = requireBuiltin('internal/looplab/fatal');
const cjs = requireBuiltin('internal/looplab/cjs');

// What the host calls, one method per kind of task the model runs.
module.exports = {
  main() {
    cjs.runMain(process.argv[1]);
  },
  timeout: timers.runTimeout,
  immediate: timers.runImmediate,
  tick: process.runTick,
  request(id) {
    requireBuiltin('internal/looplab/pool').runRequest(id);
  },
  beforeExit() {
    process.emit('beforeExit', process.exitCode ?? 0);
  },
  exit() {
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode ?? 0);
    }
    return process.exitCode ?? 0;
  },
  rejections: fatal.processRejections,
  fatal: fatal.onUncaught,
};
