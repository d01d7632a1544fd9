const util = require('./util.js');
console.log('legacy.cjs runs (CommonJS), util loaded:', typeof util.upper);
exports.version = 2;
