'use strict';

// How an object introduces itself: its constructor name, the `Name [tag] `
// prefix, which keys it shows, and the `[Function: f]` / `[class A]` /
// `[Number: 1]` bases.

const types = require('internal/util/types');
const { getConstructorName: engineConstructorName } = require('internal/bindings/util');
const { formatPrimitive } = require('internal/util/inspect/primitives');
const { stylizeNoColor } = require('internal/util/inspect/options');

// Names of the realm's built-in constructors and namespaces (Object, Array,
// Math...): their prototypes' members are never listed as extra properties.
const builtInObjects = new Set(
  Object.getOwnPropertyNames(globalThis).filter((name) => /^[A-Z][a-zA-Z0-9]+$/.test(name)));

function isInstanceof(object, ctor) {
  try {
    return object instanceof ctor;
  } catch {
    return false;
  }
}

// The nearest `constructor` on the prototype chain that really made `obj`;
// null for objects whose chain ends without one ("null prototype"). With
// showHidden, protoProps collects inherited non-method properties.
function getConstructorName(obj, ctx, recurseTimes, protoProps) {
  let firstProto;
  const original = obj;
  while (obj !== null && obj !== undefined) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '' && isInstanceof(original, descriptor.value)) {
      if (protoProps !== undefined &&
          (firstProto !== obj || !builtInObjects.has(descriptor.value.name))) {
        addPrototypeProperties(ctx, original, firstProto || original, recurseTimes, protoProps);
      }
      return String(descriptor.value.name);
    }
    obj = Object.getPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }
  if (firstProto === null) return null;
  // A chain with no usable constructor: name it after the engine's idea and
  // describe the prototype in angle brackets.
  const res = engineConstructorName(original);
  if (recurseTimes > ctx.depth && ctx.depth !== null) return `${res} <Complex prototype>`;
  const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
  if (protoConstr === null) {
    const { inspect } = require('internal/util/inspect');
    return `${res} <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
  }
  return `${res} <${protoConstr}>`;
}

// showHidden: inherited data properties and accessors of user classes, up to
// three prototypes deep.
function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
  const { formatProperty } = require('internal/util/inspect/format-value');
  const { kObjectType } = require('internal/util/inspect/layout');
  let depth = 0;
  let keys;
  let keySet;
  do {
    if (depth !== 0 || main === obj) {
      obj = Object.getPrototypeOf(obj);
      if (obj === null) return;
      const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
      if (descriptor !== undefined && typeof descriptor.value === 'function' &&
          builtInObjects.has(descriptor.value.name)) {
        return;
      }
    }
    if (depth === 0) {
      keySet = new Set();
    } else {
      for (const key of keys) keySet.add(key);
    }
    keys = Reflect.ownKeys(obj);
    ctx.seen.push(main);
    for (const key of keys) {
      if (key === 'constructor' || Object.prototype.hasOwnProperty.call(main, key) ||
          (depth !== 0 && keySet.has(key))) {
        continue;
      }
      const desc = Object.getOwnPropertyDescriptor(obj, key);
      if (typeof desc.value === 'function') continue;
      const value = formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main);
      output.push(ctx.colors ? `\u001b[2m${value}\u001b[22m` : value);
    }
    ctx.seen.pop();
  } while (++depth !== 3);
}

// `Foo `, `Foo [tag] `, `[Object: null prototype] `, with an optional size.
function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

// Own enumerable keys and enumerable symbols; with showHidden, all own keys.
function getKeys(value, showHidden) {
  const symbols = Object.getOwnPropertySymbols(value);
  if (showHidden) return [...Object.getOwnPropertyNames(value), ...symbols];
  let keys;
  try {
    keys = Object.keys(value);
  } catch {
    // A module namespace with uninitialised bindings.
    keys = Object.getOwnPropertyNames(value);
  }
  for (const symbol of symbols) {
    if (Object.prototype.propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
  }
  return keys;
}

const isIndexKey = (key) => typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key) &&
  Number(key) < 4294967295;

// Keys besides array indices, for arrays and typed arrays.
function getNonIndexKeys(value, showHidden) {
  const keys = [];
  for (const key of Reflect.ownKeys(value)) {
    if (isIndexKey(key)) continue;
    if (!showHidden && !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    keys.push(key);
  }
  return keys;
}

function getClassBase(value, constructor, tag) {
  const hasName = Object.prototype.hasOwnProperty.call(value, 'name');
  const name = (hasName && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = Object.getPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

// Source text tells classes from functions; comments may hide a `(`.
function looksLikeClass(source) {
  if (!source.startsWith('class') || !source.endsWith('}')) return false;
  const body = source.slice(5, -1);
  const brace = body.indexOf('{');
  if (brace === -1) return false;
  if (!body.slice(0, brace).includes('(')) return true;
  const stripped = body.replace(/(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, '');
  return /^(\s+[^(]*?)\s*{/.test(stripped);
}

// Built-in constructors reachable only through other objects.
const hiddenIntrinsics = new Set([
  Object.getPrototypeOf(Uint8Array),
  Object.getPrototypeOf(function* () {}).constructor,
  Object.getPrototypeOf(async function () {}).constructor,
  Object.getPrototypeOf(async function* () {}).constructor,
]);

// Engines that print every class as `function X() { [native code] }` (Boa)
// still give it away: a class's `prototype` is read-only, an ordinary
// function's is writable. Built-in constructors share that trait, so the
// realm's own globals are excluded.
function isHiddenSourceClass(value, source) {
  if (!source.includes('[native code]')) return false;
  const desc = Object.getOwnPropertyDescriptor(value, 'prototype');
  if (desc === undefined || desc.writable !== false) return false;
  const name = value.name;
  if (typeof name === 'string' && globalThis[name] === value) return false;
  return !hiddenIntrinsics.has(value);
}

function getFunctionBase(value, constructor, tag) {
  let source = '';
  try {
    source = Function.prototype.toString.call(value);
  } catch {
    // Revoked proxies and exotic callables: treat as plain functions.
  }
  if (looksLikeClass(source) || isHiddenSourceClass(value, source)) {
    return getClassBase(value, constructor, tag);
  }
  let type = 'Function';
  if (types.isGeneratorFunction(value)) type = `Generator${type}`;
  if (types.isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += value.name === '' ? ' (anonymous)' : `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

// `[Number: 3]`, `[String: 'abc']`...; a String object's index keys are its
// characters and are dropped from `keys`.
function getBoxedBase(value, ctx, keys, constructor, tag) {
  let type;
  let primitive;
  if (types.isNumberObject(value)) {
    type = 'Number';
    primitive = Number.prototype.valueOf.call(value);
  } else if (types.isStringObject(value)) {
    type = 'String';
    primitive = String.prototype.valueOf.call(value);
    keys.splice(0, primitive.length);
  } else if (types.isBooleanObject(value)) {
    type = 'Boolean';
    primitive = Boolean.prototype.valueOf.call(value);
  } else if (types.isBigIntObject(value)) {
    type = 'BigInt';
    primitive = BigInt.prototype.valueOf.call(value);
  } else {
    type = 'Symbol';
    primitive = Symbol.prototype.valueOf.call(value);
  }
  let base = `[${type}`;
  if (type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  base += `: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, type.toLowerCase());
}

module.exports = {
  builtInObjects,
  getConstructorName,
  getPrefix,
  getKeys,
  getNonIndexKeys,
  getFunctionBase,
  getBoxedBase,
};
