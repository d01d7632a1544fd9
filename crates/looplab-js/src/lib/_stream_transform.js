'use strict';
// Looplab: the old module name `_stream_transform`, kept by Node for older code: stream.Transform.

module.exports = require('stream').Transform;
