'use strict';

// The first half of formatting an object: which braces, base text (e.g.
// `[Function: f]`, a date, an error's stack), keys and entry formatter it
// gets. describeIterable handles the kinds found through Symbol.iterator,
// describePlain the rest.

const types = require('internal/util/types');
const { getConstructorName: engineConstructorName } = require('internal/bindings/util');
const { formatNumber } = require('internal/util/inspect/primitives');
const describe = require('internal/util/inspect/describe');
const { kArrayExtrasType } = require('internal/util/inspect/layout');
const entries = require('internal/util/inspect/entries');
const { formatError } = require('internal/util/inspect/errors');

const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const intrinsicGetter = (name) => {
  const get = Object.getOwnPropertyDescriptor(typedArrayProto, name).get;
  return (value) => Reflect.apply(get, value, []);
};
const typedArrayLength = intrinsicGetter('length');
const typedArrayBuffer = intrinsicGetter('buffer');
const typedArrayOffset = intrinsicGetter('byteOffset');

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

module.exports = { getTag, describeIterable, describePlain };
