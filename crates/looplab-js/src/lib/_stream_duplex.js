'use strict';
// Looplab: the old module name `_stream_duplex`, kept by Node for older code: stream.Duplex.

module.exports = require('stream').Duplex;
