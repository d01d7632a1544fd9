'use strict';

// Looplab: stream states keep their booleans as bits of one number, the way
// Node 20 does, so util.inspect(stream) shows the same few own properties
// (highWaterMark, length... and [Symbol(kState)]). Values that are usually
// empty live behind a "has value" bit and a symbol-keyed slot.

const kState = Symbol('kState');

// flags: { name: bit }
function defineFlags(proto, flags) {
  for (const [name, bit] of Object.entries(flags)) {
    const mask = 2 ** bit;
    Object.defineProperty(proto, name, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() { return (this[kState] & mask) !== 0; },
      set(value) {
        if (value) this[kState] |= mask;
        else this[kState] &= ~mask;
      },
    });
  }
}

// A value stored in `symbol` while bit `hasBit` is set; `empty` otherwise.
function defineSlot(proto, name, hasBit, symbol, empty) {
  const mask = 2 ** hasBit;
  Object.defineProperty(proto, name, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() { return (this[kState] & mask) !== 0 ? this[symbol] : empty; },
    set(value) {
      if (value !== null && value !== undefined) {
        this[kState] |= mask;
        this[symbol] = value;
      } else {
        this[kState] &= ~mask;
        if (symbol in this) this[symbol] = null;
      }
    },
  });
}

// A tri-state (null / true / false) kept as "has value" and "value" bits.
function defineTriState(proto, name, hasBit, valueBit, empty) {
  const has = 2 ** hasBit;
  const val = 2 ** valueBit;
  Object.defineProperty(proto, name, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() { return (this[kState] & has) !== 0 ? (this[kState] & val) !== 0 : empty; },
    set(value) {
      if (value === null || value === undefined) {
        this[kState] &= ~(has | val);
      } else if (value) {
        this[kState] |= has | val;
      } else {
        this[kState] = (this[kState] | has) & ~val;
      }
    },
  });
}

// The encoding defaults to utf8 (a bit); anything else is kept in a slot.
function defineDefaultEncoding(proto, utf8Bit, symbol) {
  const mask = 2 ** utf8Bit;
  Object.defineProperty(proto, 'defaultEncoding', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() { return (this[kState] & mask) !== 0 ? 'utf8' : this[symbol]; },
    set(value) {
      if (value === 'utf8' || value === 'utf-8') {
        this[kState] |= mask;
      } else {
        this[kState] &= ~mask;
        this[symbol] = value;
      }
    },
  });
}

module.exports = { kState, defineFlags, defineSlot, defineTriState, defineDefaultEncoding };
