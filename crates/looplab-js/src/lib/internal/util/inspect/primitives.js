'use strict';

// Numbers, bigints, strings, booleans, undefined and symbols as inspect
// prints them.

const { quote, escapeUnquoted } = require('internal/util/inspect/strings');

// Strings shorter than this are never split over lines.
const kMinLineWidth = 16;

// "1234567" -> "1_234_567", from the right.
function groupIntegerDigits(digits) {
  const start = digits[0] === '-' ? 1 : 0;
  let end = digits.length;
  let grouped = '';
  while (end - start > 3) {
    grouped = `_${digits.slice(end - 3, end)}${grouped}`;
    end -= 3;
  }
  return digits.slice(0, end) + grouped;
}

// "123456" -> "123_456", from the left (digits after the point).
function groupFractionDigits(digits) {
  let grouped = '';
  let start = 0;
  while (digits.length - start > 3) {
    grouped += `${digits.slice(start, start + 3)}_`;
    start += 3;
  }
  return grouped + digits.slice(start);
}

function formatNumber(stylize, number, numericSeparator) {
  if (!numericSeparator) {
    return stylize(Object.is(number, -0) ? '-0' : `${number}`, 'number');
  }
  const integer = Math.trunc(number);
  const integerText = String(integer);
  if (integer === number) {
    if (!Number.isFinite(number) || integerText.includes('e')) return stylize(integerText, 'number');
    return stylize(groupIntegerDigits(integerText), 'number');
  }
  if (Number.isNaN(number)) return stylize(integerText, 'number');
  const fraction = String(number).slice(integerText.length + 1);
  return stylize(`${groupIntegerDigits(integerText)}.${groupFractionDigits(fraction)}`, 'number');
}

function formatBigInt(stylize, bigint, numericSeparator) {
  const text = String(bigint);
  return stylize(`${numericSeparator ? groupIntegerDigits(text) : text}n`, 'bigint');
}

function formatSymbol(stylize, symbol) {
  return stylize(escapeUnquoted(Symbol.prototype.toString.call(symbol)), 'symbol');
}

// A long string in a multi-line layout breaks after each newline and joins
// the pieces with `+`.
// "a\nb" -> ["a\n", "b"]: each piece keeps its newline.
function splitAfterNewlines(text) {
  const pieces = [];
  let start = 0;
  let at;
  while ((at = text.indexOf('\n', start)) !== -1) {
    pieces.push(text.slice(start, at + 1));
    start = at + 1;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

function formatString(stylize, value, ctx) {
  let trailer = '';
  if (value.length > ctx.maxStringLength) {
    const remaining = value.length - ctx.maxStringLength;
    value = value.slice(0, ctx.maxStringLength);
    trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
  }
  if (ctx.compact !== true && value.length > kMinLineWidth &&
      value.length > ctx.breakLength - ctx.indentationLvl - 4) {
    const lines = splitAfterNewlines(value);
    return lines.map((line) => stylize(quote(line), 'string'))
      .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
  }
  return stylize(quote(value), 'string') + trailer;
}

function formatPrimitive(stylize, value, ctx) {
  switch (typeof value) {
    case 'string': return formatString(stylize, value, ctx);
    case 'number': return formatNumber(stylize, value, ctx.numericSeparator);
    case 'bigint': return formatBigInt(stylize, value, ctx.numericSeparator);
    case 'boolean': return stylize(`${value}`, 'boolean');
    case 'undefined': return stylize('undefined', 'undefined');
    default: return formatSymbol(stylize, value);
  }
}

module.exports = {
  formatNumber,
  formatBigInt,
  formatPrimitive,
};
