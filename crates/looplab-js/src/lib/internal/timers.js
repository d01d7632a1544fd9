'use strict';
// Looplab: the piece of Node's lib/internal/timers.js that timers' deprecated enroll and
// http's request timeouts share.

const { validateNumber } = require('internal/validators');

const TIMEOUT_MAX = 2 ** 31 - 1;

// A duration in milliseconds: a finite number, not negative, cut to 32 bits with a warning.
function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

module.exports = { TIMEOUT_MAX, getTimerDuration };
