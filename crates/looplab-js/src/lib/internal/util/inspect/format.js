'use strict';

// util.format / formatWithOptions: printf-style `%` directives in a leading
// string, then the remaining arguments inspected and joined with spaces.

const { getProxyDetails } = require('internal/bindings/util');
const { formatNumber, formatBigInt } = require('internal/util/inspect/primitives');
const { stylizeNoColor } = require('internal/util/inspect/options');
const { builtInObjects } = require('internal/util/inspect/describe');

// %j: JSON, with cycles reported instead of thrown (V8 says "circular
// structure", Boa "cyclic object value").
function tryStringify(value) {
  try {
    return JSON.stringify(value);
  } catch (err) {
    if (err.name === 'TypeError' && /circular|cyclic/i.test(String(err.message))) return '[Circular]';
    throw err;
  }
}

const notDirective = Symbol('notDirective');

// %s prints objects with their own toString through String(); objects whose
// toString is a built-in one are inspected instead.
function hasBuiltInToString(value) {
  const target = getProxyDetails(value, false);
  if (target !== undefined) {
    if (target === null) return true;
    value = target;
  }
  if (typeof value.toString !== 'function') return true;
  if (Object.prototype.hasOwnProperty.call(value, 'toString')) return false;
  let pointer = value;
  do {
    pointer = Object.getPrototypeOf(pointer);
  } while (!Object.prototype.hasOwnProperty.call(pointer, 'toString'));
  const descriptor = Object.getOwnPropertyDescriptor(pointer, 'constructor');
  return descriptor !== undefined && typeof descriptor.value === 'function' &&
    builtInObjects.has(descriptor.value.name);
}

function numberText(value) {
  return formatNumber(stylizeNoColor, value, false);
}

// The text for one directive (the character after `%`), or notDirective.
function directive(code, arg, inspectOptions) {
  const { inspect } = require('internal/util/inspect');
  switch (code) {
    case 115: // s
      if (typeof arg === 'number') return numberText(arg);
      if (typeof arg === 'bigint') return formatBigInt(stylizeNoColor, arg, false);
      if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) return String(arg);
      return inspect(arg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
    case 106: // j
      return tryStringify(arg);
    case 100: // d
      if (typeof arg === 'bigint') return formatBigInt(stylizeNoColor, arg, false);
      if (typeof arg === 'symbol') return 'NaN';
      return numberText(Number(arg));
    case 79: // O
      return inspect(arg, inspectOptions);
    case 111: // o
      return inspect(arg, { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
    case 105: // i
      if (typeof arg === 'bigint') return formatBigInt(stylizeNoColor, arg, false);
      if (typeof arg === 'symbol') return 'NaN';
      return numberText(Number.parseInt(arg));
    case 102: // f
      if (typeof arg === 'symbol') return 'NaN';
      return numberText(Number.parseFloat(arg));
    case 99: // c: CSS has no meaning outside a browser console
      return '';
    default:
      return notDirective;
  }
}

function formatWithOptionsInternal(inspectOptions, args) {
  const { inspect } = require('internal/util/inspect');
  const first = args[0];
  let used = 0; // index of the last argument consumed
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const code = first.charCodeAt(++i);
      if (used + 1 !== args.length) {
        if (code === 37) { // '%%'
          str += first.slice(lastPos, i);
          lastPos = i + 1;
          continue;
        }
        const text = directive(code, args[used + 1], inspectOptions);
        if (text === notDirective) continue;
        used++;
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += text;
        lastPos = i + 1;
      } else if (code === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      used++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  for (let a = used; a < args.length; a++) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
  }
  return str;
}

module.exports = { formatWithOptionsInternal };
