'use strict';

// `assert/strict` is the strict variant of `assert`.
module.exports = require('assert').strict;
