'use strict';

// Looplab: the class every Buffer really is (Buffer.prototype is its
// prototype); internal modules make Buffers from bytes with it.
class FastBuffer extends Uint8Array {}

module.exports = { FastBuffer };
