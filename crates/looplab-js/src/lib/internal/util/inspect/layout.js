'use strict';

// Line layout: whether entries fit on one line, array entries in aligned
// columns, and the final joining of entries inside their braces.

const { getStringWidth, removeColors } = require('internal/util/inspect/strings');

// Entry kinds: object properties print as `key: value`; array entries
// (kArrayType) print bare; a container of kArrayExtrasType holds array
// entries, may group them into columns, and prints its other keys like
// object properties.
const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;

// `start` counts what surrounds the entries; each entry adds its length plus
// a separator.
function fitsOnLine(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    total += ctx.colors ? removeColors(entry).length : entry.length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

// Lays out many short array entries as a table, so 100 numbers take a few
// lines instead of a hundred. Returns `output` unchanged when columns do not
// pay off.
function groupArrayElements(ctx, output, value) {
  const separatorSpace = 2; // ", "
  // A trailing "... more items" entry stays on its own line.
  const count = ctx.maxArrayLength < output.length ? output.length - 1 : output.length;
  const widths = new Array(count);
  let totalLength = 0;
  let maxLength = 0;
  for (let i = 0; i < count; i++) {
    const width = getStringWidth(output[i], ctx.colors);
    widths[i] = width;
    totalLength += width + separatorSpace;
    if (maxLength < width) maxLength = width;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl >= ctx.breakLength ||
      !(totalLength / actualMax > 5 || maxLength <= 6)) {
    return output;
  }
  // Aim for a roughly 2.5:1 character aspect ratio, biased by how much the
  // average entry is shorter than the longest.
  const averageBias = Math.sqrt(actualMax - totalLength / output.length);
  const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biasedMax * count) / biasedMax),
    Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
    ctx.compact * 4,
    15,
  );
  if (columns <= 1) return output;

  const columnWidths = [];
  for (let column = 0; column < columns; column++) {
    let width = 0;
    for (let j = column; j < output.length; j += columns) {
      if (widths[j] > width) width = widths[j];
    }
    columnWidths.push(width + separatorSpace);
  }
  // Numbers align right, everything else left.
  let alignRight = value !== undefined;
  if (alignRight) {
    for (let i = 0; i < output.length; i++) {
      if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
        alignRight = false;
        break;
      }
    }
  }
  const rows = [];
  for (let i = 0; i < count; i += columns) {
    const end = Math.min(i + columns, count);
    let row = '';
    let j = i;
    for (; j < end - 1; j++) {
      // Pad by display width; colour codes take no columns.
      const padding = columnWidths[j - i] + output[j].length - widths[j];
      row += alignRight ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
    }
    if (alignRight) {
      const padding = columnWidths[j - i] + output[j].length - widths[j] - separatorSpace;
      row += output[j].padStart(padding, ' ');
    } else {
      row += output[j];
    }
    rows.push(row);
  }
  if (ctx.maxArrayLength < output.length) rows.push(output[count]);
  return rows;
}

// Joins formatted entries with their braces: on one line when they fit (and,
// with a numeric `compact`, when the innermost levels are shallow enough),
// else one entry per line.
function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (fitsOnLine(ctx, output, start, base)) {
          const joined = output.join(', ');
          if (!joined.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${
      output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }
  // compact === true: fill lines, breaking only when needed.
  if (fitsOnLine(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
  }
  const indentation = ' '.repeat(ctx.indentationLvl);
  const lead = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${lead}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
}

module.exports = {
  kObjectType,
  kArrayType,
  kArrayExtrasType,
  reduceToSingleString,
};
