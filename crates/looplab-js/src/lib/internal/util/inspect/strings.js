'use strict';

// Quoting and escaping of strings, property keys and symbols, and the display
// width of text (for column alignment).

// Escape text for each code unit that must not appear raw inside quotes.
const escapes = [];
for (let code = 0; code < 0xa0; code++) {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
    escapes[code] = `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
}
Object.assign(escapes, { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 39: "\\'", 92: '\\\\' });

const isHighSurrogate = (c) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c) => c >= 0xdc00 && c <= 0xdfff;

// Escapes control characters, lone surrogates, backslashes and (when the
// quote is a single quote) single quotes.
function escapeBody(str, escapeSingle) {
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    let replacement;
    if (code < 0xa0) {
      replacement = escapes[code];
      if (code === 39 && !escapeSingle) replacement = undefined;
    } else if (isHighSurrogate(code) || isLowSurrogate(code)) {
      if (isHighSurrogate(code) && i + 1 < str.length && isLowSurrogate(str.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      replacement = `\\u${code.toString(16)}`;
    }
    if (replacement !== undefined) {
      out += str.slice(last, i) + replacement;
      last = i + 1;
    }
  }
  return last === 0 ? str : out + str.slice(last);
}

// Quotes like a JavaScript literal: single quotes unless the text holds one,
// then double quotes, then backticks, then escaped single quotes.
function quote(str) {
  if (!str.includes("'")) return `'${escapeBody(str, true)}'`;
  if (!str.includes('"')) return `"${escapeBody(str, false)}"`;
  if (!str.includes('`') && !str.includes('${')) return `\`${escapeBody(str, false)}\``;
  return `'${escapeBody(str, true)}'`;
}

// Symbol descriptions and hidden key names are escaped but not quoted.
function escapeUnquoted(str) {
  return escapeBody(str, false);
}

const identifierKey = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

// ANSI escape sequences: CSI (ESC [ ... final byte) and OSC (ESC ] ... BEL/ST).
const ansi = /[\u001b\u009b](?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

function stripVTControlCharacters(str) {
  if (typeof str !== 'string') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('str', 'string', str);
  }
  return str.replace(ansi, '');
}

// East Asian wide and fullwidth ranges (two terminal columns).
function isFullWidth(code) {
  return code >= 0x1100 && (
    code <= 0x115f || code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd));
}

// Combining marks, zero-width characters and controls take no column.
function isZeroWidth(code) {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe20 && code <= 0xfe2f) || (code >= 0xe0100 && code <= 0xe01ef);
}

function getStringWidth(str, removeControlChars = true) {
  if (removeControlChars) str = str.replace(ansi, '');
  // Engines built without Unicode data may lack normalize().
  if (typeof str.normalize === 'function') {
    try {
      str = str.normalize('NFC');
    } catch {
      // Width of the unnormalized text is close enough.
    }
  }
  let width = 0;
  for (const char of str) {
    const code = char.codePointAt(0);
    if (isFullWidth(code)) width += 2;
    else if (!isZeroWidth(code)) width++;
  }
  return width;
}

module.exports = {
  quote,
  escapeUnquoted,
  identifierKey,
  stripVTControlCharacters,
  getStringWidth,
  removeColors: (str) => String(str).replace(ansi, ''),
};
