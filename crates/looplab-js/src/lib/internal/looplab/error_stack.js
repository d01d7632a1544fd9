'use strict';
// Looplab: errors' `stack` as V8 writes it. Boa records only the frames, each call at its
// opening parenthesis, and Looplab's own loader frames where Node has its loader's. Read the
// first time `stack` is read, as V8 does: the header `Name: message` as they are then, then
// the frames with calls placed where V8 places them (the called name), a CommonJS module's
// first line without the loader's wrapper, its top level as `Object.<anonymous>`, and the
// loader's frames under the names and places Node 20.20.2's loader has. Also V8's
// `Error.captureStackTrace` and `Error.stackTraceLimit`.

const moduleBinding = internalBinding('module');

const engineStack = Reflect.getOwnPropertyDescriptor(Error.prototype, 'stack');
const errorToString = Error.prototype.toString;
const written = new WeakMap();

// Node's loader frames, by the name of the function in internal/looplab/cjs that stands in for
// them, at the places Node 20.20.2 makes those calls; an empty list drops a frame of Looplab's
// own that Node has no match for.
const loaderFrames = {
  __proto__: null,
  call: [],
  loadFresh: [],
  notFound: [],
  settle: [],
  '<main>': [],
  cachedPath: [],
  makeError: [],
  linkError: [],
  resolveFilename: ['Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)'],
  compile: ['Module._compile (node:internal/modules/cjs/loader:1521:14)'],
  loadJs: ['Module._extensions..js (node:internal/modules/cjs/loader:1623:10)'],
  load: ['Module.load (node:internal/modules/cjs/loader:1266:32)'],
  _load: ['Module._load (node:internal/modules/cjs/loader:1091:12)'],
  moduleRequire: ['Module.require (node:internal/modules/cjs/loader:1289:19)'],
  require: ['require (node:internal/modules/helpers:182:18)'],
  runMain: [
    'Module._load (node:internal/modules/cjs/loader:1091:12)',
    'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)',
  ],
  main: ['node:internal/main/run_main_module:28:49'],
};

// Below an ES module entry Node's stack ends in its ES module loader: where it resolves a
// specifier, links the graph, or runs it.
const esmTails = {
  resolve: [
    'finalizeResolution (node:internal/modules/esm/resolve:283:11)',
    'moduleResolve (node:internal/modules/esm/resolve:952:10)',
    'defaultResolve (node:internal/modules/esm/resolve:1188:11)',
    'ModuleLoader.defaultResolve (node:internal/modules/esm/loader:708:12)',
    '#cachedDefaultResolve (node:internal/modules/esm/loader:657:25)',
    'ModuleLoader.resolve (node:internal/modules/esm/loader:640:38)',
    'ModuleLoader.getModuleJobForImport (node:internal/modules/esm/loader:264:38)',
    'ModuleJob._link (node:internal/modules/esm/module_job:168:49)',
  ],
  link: [
    'ModuleJob._instantiate (node:internal/modules/esm/module_job:213:21)',
    'async ModuleJob.run (node:internal/modules/esm/module_job:320:5)',
    'async ModuleLoader.import (node:internal/modules/esm/loader:606:24)',
    'async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)',
  ],
  run: [
    'ModuleJob.run (node:internal/modules/esm/module_job:325:25)',
    'async ModuleLoader.import (node:internal/modules/esm/loader:606:24)',
    'async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)',
  ],
};

const frameLine = /^ {4}at (.*?) \((.*)\)$/;
const place = /^(.*):(\d+):(\d+)$/;

// Where V8 places a call Boa placed at its parenthesis: at the name called (`f` in `f()`,
// `method` in `a.method()`).
function calleeColumn(file, line, column) {
  const text = moduleBinding.sourceLine(file, line);
  if (typeof text !== 'string' || text[column - 1] !== '(') return column;
  let end = column - 1;
  while (end > 0 && text[end - 1] === ' ') end--;
  let start = end;
  while (start > 0 && /[\w$]/.test(text[start - 1])) start--;
  return start < end ? start + 1 : column;
}

// How V8 names a function by the object it was called on: a timer's and an immediate's callback
// are called as methods of the Timeout or Immediate that holds them.
const receivers = {
  runTimeout: ['Timeout', '_onTimeout'],
  runImmediate: ['Immediate', '_onImmediate'],
};

// The frame lines of a stack's text.
function frameLines(text) {
  return String(text).split('\n').filter((l) => l.startsWith('    at '));
}

// A column of a learner's file as written: line 1 of a module starts with the loader's own text
// (the CommonJS wrapper, or the ES module hook), which Boa counts.
function sourceColumn(file, line, column) {
  if (line !== 1) return column;
  const prefix = file.startsWith('file://') ? moduleBinding.esmPrefixLength : moduleBinding.wrapperLength;
  return Math.max(column - prefix, 1);
}

// A frame in the learner's files; `caller` is the raw frame below it. Boa calls every function
// without a name `<main>`: a module's top level is the one its loader called.
function userFrame(name, file, line, column, caller) {
  const esm = file.startsWith('file://');
  column = calleeColumn(file, line, sourceColumn(file, line, column));
  const at = `${file}:${line}:${column}`;
  const anonymous = name === '<main>' || name === '' || name === '<anonymous>';
  if (anonymous && (caller === undefined || caller[1] === 'compile')) {
    if (esm || caller === undefined) return `    at ${at}`;
    return `    at Object.<anonymous> (${at})`;
  }
  const receiver = caller && caller[2].startsWith('node:timers') ? receivers[caller[1]] : undefined;
  if (receiver !== undefined) {
    const [type, method] = receiver;
    return anonymous ? `    at ${type}.${method} (${at})` : `    at ${type}.${name} [as ${method}] (${at})`;
  }
  return anonymous ? `    at ${at}` : `    at ${name} (${at})`;
}

const isLoader = (where) => where === 'native' ||
  where.startsWith('node:internal/looplab/cjs') || where.startsWith('node:internal/looplab/bootstrap');

// The frame below frame `i` that is not the engine's own `call` or `apply` on the way.
function callerOf(lines, i) {
  for (let j = i + 1; j < lines.length; j++) {
    const frame = frameLine.exec(lines[j]);
    if (frame !== null && !(frame[2] === 'native' && (frame[1] === 'call' || frame[1] === 'apply'))) return frame;
  }
  return undefined;
}

// Boa's frame lines as V8 would write them.
function v8Frames(lines) {
  const out = [];
  let esm = 'run';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    const frame = frameLine.exec(text);
    if (frame === null) {
      out.push(text);
      continue;
    }
    const [, name, where] = frame;
    if (name === 'linkError') esm = 'link';
    if (name === 'makeError' && where.startsWith('node:internal/looplab/cjs')) esm = 'resolve';
    if (name === 'runMainEsm') {
      for (const node of esmTails[esm]) out.push(`    at ${node}`);
      break;
    }
    if (isLoader(where) && loaderFrames[name] !== undefined) {
      for (const node of loaderFrames[name]) out.push(`    at ${node}`);
      continue;
    }
    if (where === 'native') {
      out.push(`    at ${name} (<anonymous>)`);
      continue;
    }
    const pos = place.exec(where);
    if (pos === null || where.startsWith('node:')) out.push(text);
    else out.push(userFrame(name, pos[1], Number(pos[2]), Number(pos[3]), callerOf(lines, i)));
  }
  return out;
}

function limit() {
  const n = Error.stackTraceLimit;
  return typeof n === 'number' && n >= 0 ? n : 0;
}

// The first line: `Name: message`; Node's own errors name their code (`Name [CODE]: message`),
// which their own toString says, as Node's prepareStackTrace does.
function header(error) {
  const own = Reflect.getOwnPropertyDescriptor(error, 'toString');
  const toString = typeof own?.value === 'function' ? own.value : errorToString;
  return String(Reflect.apply(toString, error, []));
}

// What the first call in the learner's files calls, as written (`fs.nope` in `fs.nope(1)`),
// when the innermost frame is one.
function calledAt(lines) {
  for (const text of lines) {
    const frame = frameLine.exec(text);
    const pos = frame && !frame[2].startsWith('node:') ? place.exec(frame[2]) : null;
    if (pos === null) continue;
    const [, file] = pos;
    const line = Number(pos[2]);
    const column = sourceColumn(file, line, Number(pos[3]));
    const source = moduleBinding.sourceLine(file, line);
    if (typeof source !== 'string' || source[column - 1] !== '(') return undefined;
    const callee = /[\w$.]+\s*$/.exec(source.slice(0, column - 1));
    return callee ? callee[0].trim() : undefined;
  }
  return undefined;
}

// Boa says only "not a callable function"; V8 names what was called, as written.
function nameTheCallee(error, lines) {
  if (error.name !== 'TypeError' || error.message !== 'not a callable function') return;
  const callee = calledAt(lines);
  if (callee === undefined) return;
  Reflect.defineProperty(error, 'message', {
    __proto__: null, value: `${callee} is not a function`, writable: true, configurable: true, enumerable: false,
  });
}

// V8's `stack` from Boa's frame lines: the header, then at most Error.stackTraceLimit frames.
function v8Stack(error, frames) {
  nameTheCallee(error, frames);
  const first = header(error);
  const lines = v8Frames(frames).slice(0, limit());
  return lines.length > 0 ? `${first}\n${lines.join('\n')}` : first;
}

function setOwnStack(object, value) {
  Reflect.defineProperty(object, 'stack', {
    __proto__: null, value, writable: true, configurable: true, enumerable: false,
  });
}

function install() {
  if (engineStack === undefined || typeof engineStack.get !== 'function') return;
  Reflect.defineProperty(Error.prototype, 'stack', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      if (written.has(this)) return written.get(this);
      const frames = Reflect.apply(engineStack.get, this, []);
      if (typeof frames !== 'string') return frames;
      const stack = v8Stack(this, frameLines(frames));
      written.set(this, stack);
      return stack;
    },
    set(value) {
      setOwnStack(this, value);
    },
  });

  Error.stackTraceLimit = 10;
  Error.captureStackTrace = function captureStackTrace(object, constructorOpt) {
    if (object === null || typeof object !== 'object') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('object', 'Object', object);
    }
    // The frames from this call's caller on; with constructorOpt, from its caller on.
    let frames = frameLines(Reflect.apply(engineStack.get, new Error(), [])).slice(1);
    const name = typeof constructorOpt === 'function' ? constructorOpt.name : '';
    if (name !== '') {
      const at = frames.findIndex((l) => l.startsWith(`    at ${name} `));
      if (at !== -1) frames = frames.slice(at + 1);
    }
    let stack;
    Reflect.defineProperty(object, 'stack', {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() {
        stack ??= v8Stack(object, frames);
        return stack;
      },
      set(value) {
        setOwnStack(object, value);
      },
    });
  };
}

module.exports = { install };
