'use strict';
// Looplab: the old module name `_stream_passthrough`, kept by Node for older code: stream.PassThrough.

module.exports = require('stream').PassThrough;
