'use strict';

// The recursive core of util.inspect: one value to text. formatValue handles
// primitives, proxies, custom inspectors and cycles; formatRaw picks braces,
// a base text and an entry formatter per kind of object; formatProperty
// prints one `key: value`.

const types = require('internal/util/types');
const { getProxyDetails, getConstructorName: engineConstructorName } = require('internal/bindings/util');
const { formatPrimitive, formatNumber } = require('internal/util/inspect/primitives');
const { quote, escapeUnquoted, identifierKey } = require('internal/util/inspect/strings');
const { userOptions } = require('internal/util/inspect/options');
const describe = require('internal/util/inspect/describe');
const { kObjectType, kArrayType, kArrayExtrasType, reduceToSingleString } = require('internal/util/inspect/layout');
const entries = require('internal/util/inspect/entries');
const { formatError } = require('internal/util/inspect/errors');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const intrinsicGetter = (name) => {
  const get = Object.getOwnPropertyDescriptor(typedArrayProto, name).get;
  return (value) => Reflect.apply(get, value, []);
};
const typedArrayLength = intrinsicGetter('length');
const typedArrayBuffer = intrinsicGetter('buffer');
const typedArrayOffset = intrinsicGetter('byteOffset');

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');

  // A proxy prints as its target without running any trap.
  const context = value;
  const proxy = getProxyDetails(value, !!ctx.showProxy);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) return ctx.stylize('<Revoked Proxy>', 'special');
    if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
    value = proxy;
  }

  if (ctx.customInspect) {
    const custom = value[customInspectSymbol];
    const { inspect } = require('internal/util/inspect');
    // A prototype that carries the inspector is not itself inspected with it.
    if (typeof custom === 'function' && custom !== inspect &&
        !(value.constructor && value.constructor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const isCrossContext = proxy !== undefined || !(context instanceof Object);
      const ret = Reflect.apply(custom, context, [depth, userOptions(ctx, isCrossContext), inspect]);
      if (ret !== context) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }

  if (ctx.seen.includes(value)) {
    // Number each object that is reached again, in order of discovery.
    if (ctx.circular === undefined) ctx.circular = new Map();
    let index = ctx.circular.get(value);
    if (index === undefined) {
      index = ctx.circular.size + 1;
      ctx.circular.set(value, index);
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function formatProxy(ctx, proxy, recurseTimes) {
  if (recurseTimes > ctx.depth && ctx.depth !== null) return ctx.stylize('Proxy [Array]', 'special');
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  const res = [formatValue(ctx, proxy[0], recurseTimes), formatValue(ctx, proxy[1], recurseTimes)];
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, res, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

// The own Symbol.toStringTag is already printed as a property, so only an
// inherited or hidden tag goes into the prefix.
function getTag(ctx, value) {
  let tag;
  try {
    tag = value[Symbol.toStringTag];
  } catch {
    return '';
  }
  if (typeof tag !== 'string') return '';
  if (tag !== '') {
    const own = ctx.showHidden ? Object.prototype.hasOwnProperty : Object.prototype.propertyIsEnumerable;
    if (own.call(value, Symbol.toStringTag)) return '';
  }
  return tag;
}

function iteratorBraces(type, tag) {
  if (tag !== `${type} Iterator`) {
    if (tag !== '') tag += '] [';
    tag += `${type} Iterator`;
  }
  return [`[${tag}] {`, '}'];
}

// Picks how to show `value`: sets `shape.braces`, `shape.base`,
// `shape.keys`, `shape.formatter`, `shape.extrasType`; returns a finished
// string instead when nothing inside needs printing.
function describeIterable(ctx, value, constructor, tag, protoProps, shape) {
  const noExtras = protoProps === undefined;
  if (Array.isArray(value)) {
    const prefix = (constructor !== 'Array' || tag !== '') ?
      describe.getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
    shape.keys = describe.getNonIndexKeys(value, ctx.showHidden);
    shape.braces = [`${prefix}[`, ']'];
    if (value.length === 0 && shape.keys.length === 0 && noExtras) return `${prefix}[]`;
    shape.extrasType = kArrayExtrasType;
    shape.formatter = entries.formatArray;
  } else if (types.isSet(value)) {
    const size = Reflect.get(Set.prototype, 'size', value);
    const prefix = describe.getPrefix(constructor, tag, 'Set', `(${size})`);
    shape.keys = describe.getKeys(value, ctx.showHidden);
    const source = constructor !== null ? value : Set.prototype.values.call(value);
    shape.formatter = (c, v, r) => entries.formatSet(constructor !== null ? value : new Set(source), c, v, r,
      constructor === null);
    if (size === 0 && shape.keys.length === 0 && noExtras) return `${prefix}{}`;
    shape.braces = [`${prefix}{`, '}'];
  } else if (types.isMap(value)) {
    const size = Reflect.get(Map.prototype, 'size', value);
    const prefix = describe.getPrefix(constructor, tag, 'Map', `(${size})`);
    shape.keys = describe.getKeys(value, ctx.showHidden);
    const source = constructor !== null ? value : Map.prototype.entries.call(value);
    shape.formatter = (c, v, r) => entries.formatMap(constructor !== null ? value : new Map(source), c, v, r,
      constructor === null);
    if (size === 0 && shape.keys.length === 0 && noExtras) return `${prefix}{}`;
    shape.braces = [`${prefix}{`, '}'];
  } else if (types.isTypedArray(value)) {
    shape.keys = describe.getNonIndexKeys(value, ctx.showHidden);
    let bound = value;
    let fallback = '';
    const kind = types.typedArrayName(value);
    // Read through the intrinsic getters: a null prototype hides them.
    const size = typedArrayLength(value);
    if (constructor === null) {
      fallback = kind;
      bound = new globalThis[kind](typedArrayBuffer(value), typedArrayOffset(value), size);
    }
    const prefix = describe.getPrefix(constructor, tag, fallback, `(${size})`);
    shape.braces = [`${prefix}[`, ']'];
    if (size === 0 && shape.keys.length === 0 && !ctx.showHidden) return `${prefix}[]`;
    shape.formatter = (c, v, r) => entries.formatTypedArray(bound, size, c, v, r);
    shape.extrasType = kArrayExtrasType;
  } else if (types.isMapIterator(value)) {
    shape.keys = describe.getKeys(value, ctx.showHidden);
    shape.braces = iteratorBraces('Map', tag);
    shape.formatter = (c, v, r) => entries.formatIterator(shape.braces, c, v, r);
  } else if (types.isSetIterator(value)) {
    shape.keys = describe.getKeys(value, ctx.showHidden);
    shape.braces = iteratorBraces('Set', tag);
    shape.formatter = (c, v, r) => entries.formatIterator(shape.braces, c, v, r);
  } else {
    return false;
  }
  return undefined;
}

function describePlain(ctx, value, constructor, tag, protoProps, shape, typedArray) {
  const noExtras = protoProps === undefined;
  const keys = shape.keys = describe.getKeys(value, ctx.showHidden);
  shape.braces = ['{', '}'];
  const { getPrefix } = describe;
  if (constructor === 'Object') {
    if (types.isArgumentsObject(value)) {
      shape.braces[0] = '[Arguments] {';
    } else if (tag !== '') {
      shape.braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
    }
    if (keys.length === 0 && noExtras) return `${shape.braces[0]}}`;
  } else if (typeof value === 'function') {
    shape.base = describe.getFunctionBase(value, constructor, tag);
    if (keys.length === 0 && noExtras) return ctx.stylize(shape.base, 'special');
  } else if (types.isRegExp(value)) {
    let base = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
    const prefix = getPrefix(constructor, tag, 'RegExp');
    if (prefix !== 'RegExp ') base = `${prefix}${base}`;
    shape.base = base;
    if ((keys.length === 0 && noExtras) || (shape.recurseTimes > ctx.depth && ctx.depth !== null)) {
      return ctx.stylize(base, 'regexp');
    }
  } else if (types.isDate(value)) {
    const time = Date.prototype.getTime.call(value);
    let base = Number.isNaN(time) ? Date.prototype.toString.call(value) : Date.prototype.toISOString.call(value);
    const prefix = getPrefix(constructor, tag, 'Date');
    if (prefix !== 'Date ') base = `${prefix}${base}`;
    shape.base = base;
    if (keys.length === 0 && noExtras) return ctx.stylize(base, 'date');
  } else if (value instanceof Error || types.isNativeError(value)) {
    shape.base = formatError(value, constructor, tag, ctx, keys);
    if (keys.length === 0 && noExtras) return shape.base;
  } else if (types.isAnyArrayBuffer(value)) {
    const arrayType = types.isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
    const prefix = getPrefix(constructor, tag, arrayType);
    if (typedArray === undefined) {
      shape.formatter = entries.formatArrayBuffer;
    } else if (keys.length === 0 && noExtras) {
      return `${prefix}{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
    }
    shape.braces[0] = `${prefix}{`;
    keys.unshift('byteLength');
  } else if (types.isDataView(value)) {
    shape.braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
    keys.unshift('byteLength', 'byteOffset', 'buffer');
  } else if (types.isPromise(value)) {
    shape.braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
    shape.formatter = entries.formatPromise;
  } else if (types.isWeakSet(value)) {
    shape.braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
    shape.formatter = ctx.showHidden ? entries.formatWeakSet : entries.formatWeakUnknown;
  } else if (types.isWeakMap(value)) {
    shape.braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
    shape.formatter = ctx.showHidden ? entries.formatWeakMap : entries.formatWeakUnknown;
  } else if (types.isModuleNamespaceObject(value)) {
    shape.braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
  } else if (types.isBoxedPrimitive(value)) {
    shape.base = describe.getBoxedBase(value, ctx, keys, constructor, tag);
    if (keys.length === 0 && noExtras) return shape.base;
  } else {
    // A null-prototype object whose tag is printed as a property is named
    // by that tag, as V8 names it.
    const fallback = constructor === null && tag === '' ? engineConstructorName(value) : 'Object';
    if (keys.length === 0 && noExtras) return `${getPrefix(constructor, tag, fallback)}{}`;
    shape.braces[0] = `${getPrefix(constructor, tag, fallback)}{`;
  }
  return undefined;
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let protoProps;
  if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) protoProps = [];
  const constructor = describe.getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;
  const tag = getTag(ctx, value);

  const shape = {
    keys: undefined,
    braces: undefined,
    base: '',
    formatter: () => [],
    extrasType: kObjectType,
    recurseTimes,
  };
  let done;
  let hasIterator = false;
  try {
    hasIterator = !!value[Symbol.iterator];
  } catch {
    // A throwing iterator getter: describe the object as a plain one.
  }
  if (hasIterator || constructor === null) {
    done = describeIterable(ctx, value, constructor, tag, protoProps, shape);
    if (done === false) done = describePlain(ctx, value, constructor, tag, protoProps, shape, typedArray);
  } else {
    done = describePlain(ctx, value, constructor, tag, protoProps, shape, typedArray);
  }
  if (done !== undefined) return done;

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let name = describe.getPrefix(constructor, tag, 'Object').slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return ctx.stylize(name, 'special');
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output;
  const indentationLvl = ctx.indentationLvl;
  try {
    output = shape.formatter(ctx, value, recurseTimes);
    for (const key of shape.keys) {
      output.push(formatProperty(ctx, value, recurseTimes, key, shape.extrasType));
    }
    if (protoProps !== undefined) output.push(...protoProps);
  } catch (err) {
    const name = describe.getPrefix(constructor, tag, 'Object').slice(0, -1);
    return handleStackOverflow(ctx, err, name, indentationLvl);
  }
  let { base, braces } = shape;
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) {
        base = base === '' ? reference : `${reference} ${base}`;
      } else {
        braces = [`${reference} ${braces[0]}`, braces[1]];
      }
    }
  }
  ctx.seen.pop();

  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (shape.extrasType === kObjectType) {
      output.sort(comparator);
    } else if (shape.keys.length > 1) {
      // Only the named properties after the entries are sorted.
      const split = output.length - shape.keys.length;
      output = [...output.slice(0, split), ...output.slice(split).sort(comparator)];
    }
  }

  const res = reduceToSingleString(ctx, output, base, braces, shape.extrasType, recurseTimes, value);
  // Stop descending once the total output gets huge (about 128 MB).
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

function handleStackOverflow(ctx, err, constructorName, indentationLvl) {
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    ctx.seen.pop();
    ctx.indentationLvl = indentationLvl;
    return ctx.stylize(
      `[${constructorName}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`,
      'special');
  }
  throw err;
}

function formatGetter(ctx, desc, original, recurseTimes) {
  const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
  const s = ctx.stylize;
  const wanted = ctx.getters && (ctx.getters === true ||
    (ctx.getters === 'get' && desc.set === undefined) ||
    (ctx.getters === 'set' && desc.set !== undefined));
  if (!wanted) return s(`[${label}]`, 'special');
  try {
    const result = Reflect.apply(desc.get, original, []);
    ctx.indentationLvl += 2;
    let str;
    if (result === null) {
      str = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${s(']', 'special')}`;
    } else if (typeof result === 'object') {
      str = `${s(`[${label}]`, 'special')} ${formatValue(ctx, result, recurseTimes)}`;
    } else {
      str = `${s(`[${label}:`, 'special')} ${formatPrimitive(s, result, ctx)}${s(']', 'special')}`;
    }
    ctx.indentationLvl -= 2;
    return str;
  } catch (err) {
    return `${s(`[${label}:`, 'special')} <Inspection threw (${err.message})>${s(']', 'special')}`;
  }
}

function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
  desc = desc || Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  let str;
  let separator = ' ';
  if (desc.value !== undefined) {
    // compact=true objects indent values by 3 (past `key: `), and move a
    // value that is too wide onto its own line.
    const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < require('internal/util/inspect/strings').getStringWidth(str, ctx.colors)) {
      separator = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    str = formatGetter(ctx, desc, original, recurseTimes);
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;

  let name;
  if (typeof key === 'symbol') {
    name = `[${ctx.stylize(escapeUnquoted(Symbol.prototype.toString.call(key)), 'symbol')}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = `[${escapeUnquoted(key)}]`;
  } else if (identifierKey.test(key)) {
    name = ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(quote(key), 'string');
  }
  return `${name}:${separator}${str}`;
}

exports.formatValue = formatValue;
exports.formatProperty = formatProperty;
exports.customInspectSymbol = customInspectSymbol;
