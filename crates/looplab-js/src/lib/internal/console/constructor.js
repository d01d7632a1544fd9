'use strict';

// The Console class: formats with util.formatWithOptions and writes whole
// lines to its stdout/stderr streams, indented by the current group depth.

const { formatWithOptions, inspect } = require('internal/util/inspect');
const { codes: { ERR_CONSOLE_WRITABLE_STREAM, ERR_INVALID_ARG_VALUE } } = require('internal/errors');
const { validateArray, validateInteger, validateObject } = require('internal/validators');
const { tableText } = require('internal/console/table');

const kCounts = Symbol('counts');
const kTimers = Symbol('timers');
const kGroupIndent = Symbol('groupIndent');
const kGroupIndentationWidth = Symbol('groupIndentationWidth');
const kInspectOptions = Symbol('inspectOptions');
const kColorMode = Symbol('colorMode');
const kBindProperties = Symbol('bindProperties');

const now = () => internalBinding('clock').now();

const pad = (value) => String(value).padStart(2, '0');

// 3.25 -> "3.25ms", 1500 -> "1.500s", 61234.5 -> "1:01.235 (m:ss.mmm)".
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [whole, fraction] = seconds.toFixed(3).split('.');
    const lead = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${lead}:${pad(whole)}.${fraction} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function checkStream(stream, name) {
  if (!stream || typeof stream.write !== 'function') throw new ERR_CONSOLE_WRITABLE_STREAM(name);
}

function Console(options, stderr, ignoreErrors) {
  if (!new.target) return Reflect.construct(Console, arguments);
  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr, ignoreErrors };
  }
  const {
    stdout, stderr: errStream = stdout, ignoreErrors: ignore = true, colorMode = 'auto',
    inspectOptions, groupIndentation = 2,
  } = options;
  checkStream(stdout, 'stdout');
  checkStream(errStream, 'stderr');
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && colorMode !== 'auto') {
      throw new ERR_INVALID_ARG_VALUE('options.inspectOptions.color', inspectOptions,
        'cannot be used in combination with colorMode other than \'auto\'');
    }
  }
  validateInteger(groupIndentation, 'groupIndentation', 0, 1000);
  for (const [name, value] of [['_stdout', stdout], ['_stderr', errStream]]) {
    Object.defineProperty(this, name, { value, writable: true, enumerable: false, configurable: true });
  }
  this[kBindProperties](ignore, colorMode, groupIndentation, inspectOptions);
  // Methods work detached (`const { log } = console`).
  for (const key of Object.getOwnPropertyNames(Console.prototype)) {
    if (key === 'constructor') continue;
    const method = this[key];
    if (typeof method === 'function') {
      const bound = method.bind(this);
      Object.defineProperty(bound, 'name', { value: key });
      this[key] = bound;
    }
  }
}

const consoleMethods = {
  [kBindProperties](ignoreErrors, colorMode, groupIndentation = 2, inspectOptions = undefined) {
    const hidden = (value) => ({ value, writable: true, enumerable: false, configurable: true });
    Object.defineProperties(this, {
      _ignoreErrors: hidden(!!ignoreErrors),
      _times: hidden(new Map()),
      [kCounts]: hidden(new Map()),
      [kColorMode]: hidden(colorMode),
      [kGroupIndent]: hidden(''),
      [kGroupIndentationWidth]: hidden(groupIndentation),
      [kInspectOptions]: hidden(inspectOptions),
    });
    this[kTimers] = this._times;
  },

  // Output is never a terminal in Looplab: colours only when asked for.
  _inspectOptions() {
    const base = this[kInspectOptions];
    if (this[kColorMode] === true) return { ...base, colors: true };
    return base ?? {};
  },

  _writeLine(useStdout, text) {
    const indent = this[kGroupIndent];
    if (indent.length !== 0) {
      if (text.includes('\n')) text = text.replace(/\n/g, `\n${indent}`);
      text = indent + text;
    }
    const stream = useStdout ? this._stdout : this._stderr;
    try {
      stream.write(`${text}\n`);
    } catch (err) {
      if (!this._ignoreErrors) throw err;
    }
  },

  log(...args) {
    this._writeLine(true, formatWithOptions(this._inspectOptions(), ...args));
  },

  warn(...args) {
    this._writeLine(false, formatWithOptions(this._inspectOptions(), ...args));
  },

  dir(object, options) {
    this._writeLine(true, inspect(object, { customInspect: false, ...this._inspectOptions(), ...options }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, now());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    if (this._timeLog('timeEnd', label)) this._times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    this._timeLog('timeLog', `${label}`, data);
  },

  _timeLog(name, label, data) {
    const start = this._times.get(label);
    if (start === undefined) {
      process.emitWarning(`No such label '${label}' for console.${name}()`);
      return false;
    }
    const formatted = formatTime(now() - start);
    if (data === undefined) this.log('%s: %s', label, formatted);
    else this.log('%s: %s', label, formatted, ...data);
    return true;
  },

  trace(...args) {
    // The frames come from the engine; the header is V8's `Trace: message`.
    const frames = String(new Error().stack ?? '').split('\n').filter((line) => line.startsWith('    at '));
    const text = [`Trace${args.length === 0 ? '' : `: ${formatWithOptions(this._inspectOptions(), ...args)}`}`,
      ...frames.slice(1)].join('\n');
    this.error(text);
  },

  assert(expression, ...args) {
    if (!expression) {
      if (args.length === 0) args.push('Assertion failed');
      else args[0] = `Assertion failed: ${args[0]}`;
      Reflect.apply(this.warn, this, args);
    }
  },

  clear() {},

  count(label = 'default') {
    label = `${label}`;
    const count = (this[kCounts].get(label) ?? 0) + 1;
    this[kCounts].set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    label = `${label}`;
    if (!this[kCounts].has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    this[kCounts].delete(label);
  },

  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },

  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },

  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');
    const text = tableText(tabularData, properties, this._inspectOptions());
    this.log(text === undefined ? tabularData : text);
  },
};

// Node's aliases share the function objects.
consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;
// Inspector-only methods do nothing without an inspector.
consoleMethods.profile = function profile() {};
consoleMethods.profileEnd = function profileEnd() {};
consoleMethods.timeStamp = function timeStamp() {};

for (const key of Reflect.ownKeys(consoleMethods)) {
  // Underscore helpers stay out of enumeration, like Node's symbol-keyed ones.
  const enumerable = typeof key === 'string' && !key.startsWith('_');
  Object.defineProperty(Console.prototype, key, {
    value: consoleMethods[key], writable: true, enumerable, configurable: true,
  });
}

Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance !== null && typeof instance === 'object' && kCounts in instance;
  },
});

module.exports = { Console, kBindProperties, formatTime };
