'use strict';

// Looplab: command-line options as `node script.js` sees them with no flags.

const defaults = {
  '--pending-deprecation': false,
  '--no-deprecation': false,
  '--throw-deprecation': false,
  '--trace-deprecation': false,
  '--trace-warnings': false,
  '--warnings': true,
  '--expose-internals': false,
  '--frozen-intrinsics': false,
  '--experimental-permission': false,
  '--stack-trace-limit': 10,
};

function getOptionValue(name) {
  return defaults[name];
}

module.exports = { getOptionValue };
