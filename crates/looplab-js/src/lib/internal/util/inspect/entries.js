'use strict';

// The entries of collections: arrays (with holes), typed arrays, array
// buffers, Set, Map, their iterators, weak collections and promises. Each
// formatter returns the list of entry strings for layout.

const { previewEntries, getPromiseDetails, constants } = require('internal/bindings/util');
const { formatNumber, formatBigInt } = require('internal/util/inspect/primitives');
const layout = require('internal/util/inspect/layout');
// format-value requires this file; its exports are read at call time.
const recurse = require('internal/util/inspect/format-value');

const moreItems = (remaining) => `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
const emptyItems = (count) => `<${count} empty item${count > 1 ? 's' : ''}>`;

function formatArray(ctx, value, recurseTimes) {
  const length = value.length;
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output = [];
  for (let i = 0; i < shown; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i)) {
      return formatSparseArray(ctx, value, recurseTimes, shown, output, i);
    }
    output.push(recurse.formatProperty(ctx, value, recurseTimes, i, layout.kArrayType));
  }
  if (length - shown > 0) output.push(moreItems(length - shown));
  return output;
}

// From the first hole on, walks the real keys so that runs of holes print as
// one `<n empty items>` entry (which counts as one shown item).
function formatSparseArray(ctx, value, recurseTimes, maxLength, output, firstHole) {
  const keys = Object.keys(value);
  let index = firstHole;
  for (let k = firstHole; k < keys.length && output.length < maxLength; k++) {
    const key = keys[k];
    const numeric = +key;
    if (numeric > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (!/^(0|[1-9][0-9]*)$/.test(key)) break;
      output.push(ctx.stylize(emptyItems(numeric - index), 'undefined'));
      index = numeric;
      if (output.length === maxLength) break;
    }
    output.push(recurse.formatProperty(ctx, value, recurseTimes, key, layout.kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) output.push(ctx.stylize(emptyItems(remaining), 'undefined'));
  } else if (remaining > 0) {
    output.push(moreItems(remaining));
  }
  return output;
}

function formatTypedArray(array, length, ctx, value, recurseTimes) {
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output = new Array(shown);
  const isBig = length > 0 && typeof array[0] === 'bigint';
  for (let i = 0; i < shown; i++) {
    output[i] = isBig ? formatBigInt(ctx.stylize, array[i], ctx.numericSeparator) :
      formatNumber(ctx.stylize, array[i], ctx.numericSeparator);
  }
  if (length - shown > 0) output[shown] = moreItems(length - shown);
  if (ctx.showHidden) {
    // The accessors V8 shows as hidden entries.
    ctx.indentationLvl += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      output.push(`[${key}]: ${recurse.formatValue(ctx, array[key], recurseTimes, true)}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

const hexDigits = '0123456789abcdef';

function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const shown = Math.min(ctx.maxArrayLength, bytes.length);
  const pairs = [];
  for (let i = 0; i < shown; i++) pairs.push(hexDigits[bytes[i] >> 4] + hexDigits[bytes[i] & 15]);
  let text = pairs.join(' ');
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) text += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${text}>`];
}

function formatSet(set, ctx, value, recurseTimes, unlimited = false) {
  // Node shows every entry of a null-prototype Set or Map.
  const size = set.size;
  const shown = unlimited ? size : Math.min(Math.max(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const entry of set) {
    if (i >= shown) break;
    output.push(recurse.formatValue(ctx, entry, recurseTimes));
    i++;
  }
  if (size - shown > 0) output.push(moreItems(size - shown));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(map, ctx, value, recurseTimes, unlimited = false) {
  const size = map.size;
  const shown = unlimited ? size : Math.min(Math.max(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const [k, v] of map) {
    if (i >= shown) break;
    output.push(`${recurse.formatValue(ctx, k, recurseTimes)} => ${recurse.formatValue(ctx, v, recurseTimes)}`);
    i++;
  }
  if (size - shown > 0) output.push(moreItems(size - shown));
  ctx.indentationLvl -= 2;
  return output;
}

// Entry lists read through the engine without consuming anything. Weak
// collections have no order, so their entries are sorted for stable output.
function formatListEntries(ctx, recurseTimes, entries, weak) {
  const shown = Math.min(Math.max(ctx.maxArrayLength, 0), entries.length);
  const output = new Array(shown);
  ctx.indentationLvl += 2;
  for (let i = 0; i < shown; i++) output[i] = recurse.formatValue(ctx, entries[i], recurseTimes);
  ctx.indentationLvl -= 2;
  if (weak && !ctx.sorted) output.sort();
  if (entries.length - shown > 0) output.push(moreItems(entries.length - shown));
  return output;
}

function formatPairEntries(ctx, recurseTimes, entries, weak) {
  const pairs = entries.length / 2;
  const shown = Math.min(Math.max(ctx.maxArrayLength, 0), pairs);
  const output = new Array(shown);
  ctx.indentationLvl += 2;
  for (let i = 0; i < shown; i++) {
    const key = recurse.formatValue(ctx, entries[2 * i], recurseTimes);
    const val = recurse.formatValue(ctx, entries[2 * i + 1], recurseTimes);
    // Weak maps print `k => v`; iterator entries print as `[ k, v ]` pairs.
    output[i] = weak ? `${key} => ${val}` :
      layout.reduceToSingleString(ctx, [key, val], '', ['[', ']'], layout.kArrayExtrasType, recurseTimes);
  }
  ctx.indentationLvl -= 2;
  if (weak && !ctx.sorted) output.sort();
  if (pairs - shown > 0) output.push(moreItems(pairs - shown));
  return output;
}

function formatWeakSet(ctx, value, recurseTimes) {
  return formatListEntries(ctx, recurseTimes, previewEntries(value), true);
}

function formatWeakMap(ctx, value, recurseTimes) {
  return formatPairEntries(ctx, recurseTimes, previewEntries(value), true);
}

function formatWeakUnknown(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

// Map iterators over entries rename their brace to `[Map Entries]`.
function formatIterator(braces, ctx, value, recurseTimes) {
  const [entries, isKeyValue] = previewEntries(value, true);
  if (isKeyValue) {
    braces[0] = braces[0].replace(/ Iterator] {$/, ' Entries] {');
    return formatPairEntries(ctx, recurseTimes, entries, false);
  }
  return formatListEntries(ctx, recurseTimes, entries, false);
}

function formatPromise(ctx, value, recurseTimes) {
  const [state, result] = getPromiseDetails(value);
  if (state === constants.kPending) return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const text = recurse.formatValue(ctx, result, recurseTimes);
  ctx.indentationLvl -= 2;
  return [state === constants.kRejected ? `${ctx.stylize('<rejected>', 'special')} ${text}` : text];
}

module.exports = {
  formatArray,
  formatTypedArray,
  formatArrayBuffer,
  formatSet,
  formatMap,
  formatWeakSet,
  formatWeakMap,
  formatWeakUnknown,
  formatIterator,
  formatPromise,
};
