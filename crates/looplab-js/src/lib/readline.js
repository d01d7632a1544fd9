'use strict';
// Looplab: readline: an Interface that cuts an input stream into lines (internal/readline), and
// the terminal helpers, which write VT100 escapes to the stream they are given.

const { Interface } = require('internal/readline/interface');

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

function done(stream, text, callback) {
  if (!stream) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(text, callback);
}

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') [y, callback] = [undefined, y];
  const text = typeof y === 'number' ? `\x1b[${y + 1};${x + 1}H` : `\x1b[${x + 1}G`;
  return done(stream, text, callback);
}

function moveCursor(stream, dx, dy, callback) {
  let text = '';
  if (dx < 0) text += `\x1b[${-dx}D`;
  else if (dx > 0) text += `\x1b[${dx}C`;
  if (dy < 0) text += `\x1b[${-dy}A`;
  else if (dy > 0) text += `\x1b[${dy}B`;
  return done(stream, text, callback);
}

function clearLine(stream, dir, callback) {
  const text = dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K';
  return done(stream, text, callback);
}

function clearScreenDown(stream, callback) {
  return done(stream, '\x1b[0J', callback);
}

// Keypress events come from a terminal's raw bytes; Looplab's inputs are not terminals.
function emitKeypressEvents() {}

module.exports = {
  Interface, createInterface, cursorTo, moveCursor, clearLine, clearScreenDown, emitKeypressEvents,
};
Object.defineProperty(module.exports, 'promises', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return require('readline/promises'); },
});
