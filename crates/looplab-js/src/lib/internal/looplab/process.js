'use strict';
// Looplab: the `process` object (Node's lib/internal/bootstrap/node.js and process/*.js in short):
// an EventEmitter with argv, env, exit and exitCode, nextTick, hrtime, warnings and stdio.

const { IdTable } = require('internal/looplab/id_table');
const proc = internalBinding('process');
const tasks = internalBinding('tasks');
const clock = internalBinding('clock');
const stdio = internalBinding('stdio');
const signalBinding = internalBinding('signal');

// The global exists before 'events' loads: Node's library reads process.env and friends then.
const process = {};
Object.defineProperty(globalThis, 'process', {
  __proto__: null, value: process, writable: true, configurable: true, enumerable: false,
});

process.title = 'node';
process.version = 'v20.20.2';
process.versions = {
  node: '20.20.2', acorn: '8.14.0', ada: '2.9.2', ares: '1.34.5', brotli: '1.1.0',
  cjs_module_lexer: '1.4.1', cldr: '46.0', icu: '76.1', llhttp: '8.1.2', modules: '115',
  napi: '9', nghttp2: '1.64.0', openssl: '3.0.15+quic', simdutf: '6.0.3', tz: '2025a',
  undici: '6.21.1', unicode: '16.0', uv: '1.46.0', uvwasi: '0.0.21', v8: '11.3.244.8-node.33',
  zlib: '1.3.0.1-motley-82a5fec',
};
process.arch = 'x64';
process.platform = 'linux';
process.release = { name: 'node', lts: 'Iron' };
process.pid = signalBinding.pid();
process.ppid = 4241;
process.execPath = '/usr/local/bin/node';
process.execArgv = [];
process.argv = proc.argv();
process.argv0 = 'node';
// Node's process.env holds strings: an assigned value is stored as its string (UV_THREADPOOL_SIZE
// = 1 reads back as '1').
process.env = new Proxy(proc.env(), {
  __proto__: null,
  set(target, key, value) {
    target[key] = `${value}`;
    return true;
  },
});
// process.exitCode accepts an integer, or a string holding one (lib/internal/bootstrap/node.js).
let exitCode;
Object.defineProperty(process, 'exitCode', {
  __proto__: null,
  get() { return exitCode; },
  set(code) {
    if (code !== null && code !== undefined) {
      const numeric = typeof code === 'string' && code !== '' && Number.isInteger(+code);
      if (!numeric) require('internal/validators').validateInteger(code, 'code');
    }
    exitCode = code;
  },
  enumerable: true,
  configurable: false,
});
process._exiting = false;
process.config = { variables: {} };
process.features = {};

const EventEmitter = require('events');
Object.setPrototypeOf(process, Object.create(EventEmitter.prototype, {
  [Symbol.toStringTag]: { __proto__: null, value: 'process', configurable: true },
}));
EventEmitter.call(process);

process.cwd = function cwd() { return proc.cwd(); };
// The directory relative paths start from, for fs and module resolution alike.
process.chdir = function chdir(directory) {
  const { validateString } = require('internal/validators');
  validateString(directory, 'directory');
  const code = proc.chdir(directory);
  if (code !== undefined) {
    const { uvException } = require('internal/looplab/fs_errors');
    throw uvException(code, 'chdir', process.cwd(), directory);
  }
};
// The simulated file system masks what it creates with this (with --real too).
process.umask = function umask(mask) {
  if (mask === undefined) return internalBinding('fs').umask();
  const { parseFileMode } = require('internal/fs/utils');
  return internalBinding('fs').umask(parseFileMode(mask, 'mask'));
}
process.uptime = function uptime() { return clock.now() / 1000; };
process.getuid = () => 1000;
process.getgid = () => 1000;
process.geteuid = () => 1000;
process.getegid = () => 1000;

function hrtime(prev) {
  const ns = clock.hrtimeNs();
  let sec = Number(ns / 1000000000n);
  let nsec = Number(ns % 1000000000n);
  if (prev !== undefined) {
    sec -= prev[0];
    nsec -= prev[1];
    if (nsec < 0) { sec -= 1; nsec += 1e9; }
  }
  return [sec, nsec];
}
hrtime.bigint = function bigint() { return clock.hrtimeNs(); };
process.hrtime = hrtime;

function memoryUsage() {
  return { rss: 45678592, heapTotal: 6881280, heapUsed: 5832456, external: 418316, arrayBuffers: 17606 };
}
memoryUsage.rss = () => 45678592;
process.memoryUsage = memoryUsage;
process.cpuUsage = function cpuUsage() {
  const us = Math.floor(clock.now() * 1000);
  return { user: us, system: 0 };
};

// process.exit(): 'exit' listeners run, then the process ends; nothing after it runs.
process.reallyExit = function reallyExit(code) { proc.reallyExit(code | 0); };
process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode ?? 0);
  }
  process.reallyExit(process.exitCode ?? 0);
};
process.abort = function abort() { process.reallyExit(134); };

// Signals (lib/internal/process/per_thread.js and bootstrap/node.js): the first listener for a
// signal name starts an unref'd signal handle whose callback emits (name, signum) on process; the
// last one removed closes it.
const { signals } = require('internal/bindings/constants').os;
process._kill = function _kill(pid, sig) { return signalBinding.kill(pid | 0, sig | 0); };
process.kill = function kill(pid, sig) {
  let err;
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  }
  if (sig === (sig | 0)) {
    err = process._kill(pid, sig);
  } else {
    sig = sig || 'SIGTERM';
    if (signals[sig]) {
      err = process._kill(pid, signals[sig]);
    } else {
      const { codes } = require('internal/errors');
      throw new codes.ERR_UNKNOWN_SIGNAL(sig);
    }
  }
  if (err) {
    const { ErrnoException } = require('internal/errors');
    throw new ErrnoException(err, 'kill');
  }
  return true;
};

const signalWraps = new Map();
function isSignal(event) {
  return typeof event === 'string' && event.startsWith('SIG') && signals[event] !== undefined;
}
function startListeningIfSignal(type) {
  if (isSignal(type) && !signalWraps.has(type)) {
    const { Signal } = require('internal/looplab/signal_wrap');
    const wrap = new Signal(`process.on('${type}') (signal handle)`);
    wrap.unref();
    wrap.onsignal = process.emit.bind(process, type, type);
    const err = wrap.start(signals[type]);
    if (err) {
      wrap.close();
      const { ErrnoException } = require('internal/errors');
      throw new ErrnoException(err, 'uv_signal_start');
    }
    signalWraps.set(type, wrap);
  }
}
function stopListeningIfSignal(type) {
  const wrap = signalWraps.get(type);
  if (wrap !== undefined && process.listenerCount(type) === 0) {
    wrap.close();
    signalWraps.delete(type);
  }
}
process.on('newListener', startListeningIfSignal);
process.on('removeListener', stopListeningIfSignal);

// nextTick: the callbacks wait here; the model says when each runs.
const ticks = new IdTable();
process.nextTick = function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if (process._exiting) return;
  const id = tasks.nextTick();
  if (id !== undefined) ticks.set(id, { callback, args });
};
process.runTick = function runTick(id) {
  const tick = ticks.get(id);
  if (tick === undefined) return;
  ticks.delete(id);
  const { callback, args } = tick;
  switch (args.length) {
    case 0: callback(); break;
    case 1: callback(args[0]); break;
    default: callback(...args);
  }
};

// Warnings: emitted on the next tick; without a listener of its own Node prints them.
let traceHintShown = false;
process.emitWarning = function emitWarning(warning, type, code, ctor) {
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ({ type, code } = type);
  } else if (typeof type === 'function') {
    type = undefined;
  }
  if (typeof code === 'function') code = undefined;
  if (typeof warning === 'string') {
    const w = new Error(warning);
    w.name = String(type || 'Warning');
    if (code !== undefined) w.code = code;
    warning = w;
  }
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
  process.nextTick(() => process.emit('warning', warning));
};
process.on('warning', function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  const prefix = `(node:${process.pid}) ${warning.code ? `[${warning.code}] ` : ''}`;
  let msg = `${prefix}${warning.name}: ${warning.message}\n`;
  if (!traceHintShown) {
    traceHintShown = true;
    const flag = warning.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings';
    msg += `(Use \`node ${flag} ...\` to show where the warning was created)\n`;
  }
  stdio.write(2, msg);
});

function stream(fd) {
  const s = Object.create(EventEmitter.prototype);
  EventEmitter.call(s);
  s.fd = fd;
  s.isTTY = false;
  s.writable = true;
  s._isStdio = true;
  s.write = function write(chunk, encoding, cb) {
    if (typeof encoding === 'function') cb = encoding;
    if (typeof chunk !== 'string') {
      if (chunk instanceof Uint8Array) {
        chunk = require('buffer').Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
      } else {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
      }
    }
    stdio.write(fd, chunk);
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
  s.end = function end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (chunk !== undefined && chunk !== null) s.write(chunk, encoding);
    if (typeof cb === 'function') process.nextTick(cb);
    return s;
  };
  s.cork = () => {};
  s.uncork = () => {};
  s.setEncoding = () => s;
  s.getColorDepth = () => 1;
  s.hasColors = () => false;
  return s;
}
let stdin;
let stdout;
let stderr;
Object.defineProperty(process, 'stdin', {
  __proto__: null, configurable: true, enumerable: true,
  get() { return stdin ??= require('internal/looplab/stdin').makeStdin(); },
});
Object.defineProperty(process, 'stdout', {
  __proto__: null, configurable: true, enumerable: true,
  get() { return stdout ??= stream(1); },
});
Object.defineProperty(process, 'stderr', {
  __proto__: null, configurable: true, enumerable: true,
  get() { return stderr ??= stream(2); },
});

module.exports = process;
