'use strict';
// Looplab: what Node does with an error nobody caught (lib/internal/process/execution.js and
// src/node_errors.cc) and with promise rejections nobody handled (lib/internal/process/promises.js,
// default mode `throw`).

const stdio = internalBinding('stdio');
const moduleBinding = internalBinding('module');
const proc = internalBinding('process');

function inspect(value) {
  try {
    return require('internal/util/inspect').inspect(value);
  } catch {
    return String(value);
  }
}

// The first frame of an error's stack that lies in a user's file.
function userFrame(err) {
  let stack;
  try {
    stack = err !== null && typeof err === 'object' ? err.stack : undefined;
  } catch {
    return undefined;
  }
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n')) {
    const m = /^\s+at (?:.*? \()?(.+):(\d+):(\d+)\)?$/.exec(line);
    if (m && !m[1].startsWith('node:')) return { file: m[1], line: +m[2], col: +m[3] };
  }
  return undefined;
}

// `file:line`, the source line and a caret, as Node prints above an uncaught error.
function sourceHeader(err, fromPromise) {
  const loc = userFrame(err);
  if (loc === undefined) return '';
  const src = moduleBinding.sourceLine(loc.file, loc.line);
  if (src === undefined) return '';
  // Stacks place frames as V8 does (internal/looplab/error_stack): the loader's wrapper is
  // already left out of line 1.
  let col = loc.col - 1;
  if (!fromPromise) {
    // V8 points at the throw statement; the engine records where the error was made.
    const at = src.lastIndexOf('throw', col);
    if (at >= 0) col = at;
  }
  return `${loc.file}:${loc.line}\n${src}\n${' '.repeat(Math.max(col, 0))}^\n`;
}

const TRAILER = `\nNode.js ${process.version}\n`;

function isError(value) {
  return value instanceof Error ||
    (value !== null && typeof value === 'object' && typeof value.stack === 'string' && 'message' in value);
}

// events.js marks what it throws for an 'error' event nobody listened to:
// { thrown: 'error' | 'wrapped', emitter: the emitter's constructor name }.
function unhandledEvent(err) {
  const mark = err[Symbol.for('looplab.unhandledErrorEvent')];
  return mark !== null && typeof mark === 'object' ? mark : undefined;
}

// Node's events.js header for that throw; an emitted Error's stack gains where it was emitted
// (enhanceStackTrace), a non-Error was wrapped in ERR_UNHANDLED_ERROR at the emit.
function unhandledEventReport(err, { thrown, emitter }) {
  if (thrown === 'wrapped') {
    return "node:events:515\n    throw err; // Unhandled 'error' event\n    ^\n\n" + inspect(err) + '\n';
  }
  const on = emitter && emitter !== 'EventEmitter' ? ` on ${emitter} instance` : '';
  let own = String(new Error().stack).split('\n').slice(1).filter((l) => l.startsWith('    at '));
  if (own.length === 0) own = ['    at <anonymous>'];
  try {
    err.stack = `${err.stack}\nEmitted 'error' event${on} at:\n${own.join('\n')}`;
  } catch {
    // A read-only stack is printed as it is.
  }
  return "node:events:502\n      throw er; // Unhandled 'error' event\n      ^\n\n" + inspect(err) + '\n';
}

function print(err, fromPromise) {
  let text;
  if (err && err.code === 'ERR_UNHANDLED_REJECTION' && err.name === 'UnhandledPromiseRejection') {
    text = 'node:internal/process/promises:389\n' +
      '      new UnhandledPromiseRejection(reason);\n      ^\n\n' + inspect(err) + '\n';
  } else if (err && err.code === 'MODULE_NOT_FOUND' && Array.isArray(err.requireStack)) {
    // Thrown from the loader, so Node's header points into it.
    text = 'node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n\n' + inspect(err) + '\n';
  } else if (isError(err) && unhandledEvent(err)) {
    text = unhandledEventReport(err, unhandledEvent(err));
  } else if (err && typeof err[Symbol.for('looplab.fatalHeader')] === 'string') {
    // Thrown from the ES module loader: Node's header points into it.
    text = err[Symbol.for('looplab.fatalHeader')] + '\n' + inspect(err) + '\n';
  } else if (isError(err)) {
    text = sourceHeader(err, fromPromise) + '\n' + inspect(err) + '\n';
  } else {
    const header = sourceHeader(err, fromPromise);
    text = `\n${header}${inspect(err)}\n` +
      '(Use `node --trace-uncaught ...` to show where the exception was thrown)\n';
  }
  stdio.write(2, text + TRAILER);
}

// Node's process._fatalException: 'uncaughtException' listeners, or 'exit' then the report.
function onUncaught(err, fromPromise = false) {
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, origin);
  if (process.listenerCount('uncaughtException') > 0) {
    try {
      process.emit('uncaughtException', err, origin);
    } catch (again) {
      print(again, false);
      proc.reallyExit(7);
    }
    return;
  }
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.exitCode = 1;
      process.emit('exit', 1);
    }
  } catch {
    // An 'exit' listener that throws does not stop the report.
  }
  print(err, fromPromise);
  proc.reallyExit(1);
}

class UnhandledPromiseRejection extends Error {
  code = 'ERR_UNHANDLED_REJECTION';
}

const maybeUnhandled = new Map(); // promise -> { reason, warned }
const pending = [];

// Runs after the tick and microtask queues drained, as processPromiseRejections does.
function processRejections() {
  for (const [promise, rejected, reason] of proc.takeRejections()) {
    if (rejected) {
      maybeUnhandled.set(promise, { reason, warned: false });
      pending.push(promise);
    } else {
      const info = maybeUnhandled.get(promise);
      if (info !== undefined) {
        maybeUnhandled.delete(promise);
        if (info.warned) process.nextTick(() => process.emit('rejectionHandled', promise));
      }
    }
  }
  while (pending.length > 0) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason } = info;
    if (process.emit('unhandledRejection', reason, promise)) continue;
    maybeUnhandled.delete(promise);
    let err = reason;
    if (!isError(reason)) {
      err = new UnhandledPromiseRejection('This error originated either by throwing inside of an ' +
        'async function without a catch block, or by rejecting a promise which was not handled ' +
        `with .catch(). The promise rejected with the reason "${inspect(reason)}".`);
      Object.defineProperty(err, 'name', {
        __proto__: null, value: 'UnhandledPromiseRejection', writable: true, configurable: true,
      });
    }
    onUncaught(err, true);
  }
}

module.exports = { onUncaught, processRejections };
