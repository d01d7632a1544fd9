'use strict';
// Looplab: the `module` built-in is the CommonJS Module class.
module.exports = require('internal/looplab/cjs').Module;
