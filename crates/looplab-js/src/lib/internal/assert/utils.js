'use strict';

// Looplab: Node.js v20.20.2 lib/internal/assert/utils.js (MIT, Node.js contributors)
// without the source-reading part: Node re-reads the caller's file to quote the
// failing expression ("The expression evaluated to a falsy value: ..."); Looplab
// has no call-site positions, so it uses AssertionError's own message instead.

const AssertionError = require('internal/assert/assertion_error');
const { isError } = require('internal/util');

function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generatedMessage = false;

    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = undefined;
    } else if (isError(message)) {
      throw message;
    }

    const err = new AssertionError({
      actual: value,
      expected: true,
      message,
      operator: '==',
      stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

module.exports = {
  innerOk,
};
