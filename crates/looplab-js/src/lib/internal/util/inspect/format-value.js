'use strict';

// The recursive core of util.inspect: one value to text. formatValue handles
// primitives, proxies, custom inspectors and cycles; formatRaw formats an
// object's entries in the shape (shape.js) chosen for its kind;
// formatProperty prints one `key: value`.

const { getProxyDetails } = require('internal/bindings/util');
const { formatPrimitive } = require('internal/util/inspect/primitives');
const { quote, escapeUnquoted, identifierKey, getStringWidth } = require('internal/util/inspect/strings');
const { userOptions } = require('internal/util/inspect/options');
const describe = require('internal/util/inspect/describe');
const { kObjectType, kArrayType, kArrayExtrasType, reduceToSingleString } = require('internal/util/inspect/layout');
const { getTag, describeIterable, describePlain } = require('internal/util/inspect/shape');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

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
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
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
