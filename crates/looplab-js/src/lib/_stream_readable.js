'use strict';
// Looplab: the old module name `_stream_readable`, kept by Node for older code: stream.Readable.

module.exports = require('stream').Readable;
