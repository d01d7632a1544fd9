'use strict';
// Looplab: the old module name `_stream_writable`, kept by Node for older code: stream.Writable.

module.exports = require('stream').Writable;
