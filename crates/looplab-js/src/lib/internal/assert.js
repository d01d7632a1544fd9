'use strict';

// The internal consistency check built-in modules use: a false value means a
// bug in Looplab's modules, reported as ERR_INTERNAL_ASSERTION.

let codes;
const lazyCodes = () => (codes ??= require('internal/errors').codes);

function assert(value, message) {
  if (!value) throw new (lazyCodes().ERR_INTERNAL_ASSERTION)(message);
}

function fail(message) {
  throw new (lazyCodes().ERR_INTERNAL_ASSERTION)(message);
}

assert.fail = fail;

module.exports = assert;
