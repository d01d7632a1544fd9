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

// Node's globals from its JavaScript built-ins (console, Buffer, URL, performance ...).
requireBuiltin('internal/looplab/error_stack').install();
requireBuiltin('internal/bootstrap/globals');
// Math.random from the run's seed, so a run replays the same.
{
  const seed = binding('crypto').randomBytes(16);
  const word = (i) => (seed[i] | (seed[i + 1] << 8) | (seed[i + 2] << 16) | (seed[i + 3] << 24)) >>> 0;
  let a = word(0); let b = word(4); let c = word(8); let d = word(12);
  const sfc32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = ((c << 21) | (c >>> 11)) + t | 0;
    return t >>> 0;
  };
  Math.random = function random() {
    return (sfc32() * 2 ** 21 + (sfc32() >>> 11)) / 2 ** 53;
  };
}

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
  io(id, writable) {
    requireBuiltin('internal/looplab/handles').io(id, writable);
  },
  pending(id) {
    requireBuiltin('internal/looplab/handles').pending(id);
  },
  close(id) {
    requireBuiltin('internal/looplab/handles').close(id);
  },
  signal(id, signum) {
    requireBuiltin('internal/looplab/handles').signal(id, signum);
  },
  fsEvent(id, number) {
    requireBuiltin('internal/looplab/handles').fsEvent(id, number);
  },
  fsPoll(id) {
    requireBuiltin('internal/looplab/handles').fsPoll(id);
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
