'use strict';

// Looplab: Node's lib/internal/util/colors.js for output that is never a
// terminal (the playground captures stdout/stderr), so no escape codes.

module.exports = {
  blue: '',
  green: '',
  white: '',
  yellow: '',
  red: '',
  gray: '',
  clear: '',
  reset: '',
  hasColors: false,
  shouldColorize(stream) {
    return Boolean(stream?.isTTY) && process.env.NO_COLOR === undefined;
  },
  refresh() {},
};
