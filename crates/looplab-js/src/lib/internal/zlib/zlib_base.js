'use strict';
// Looplab: ZlibBase, the Transform every zlib and brotli stream is. As in Node, each chunk goes
// to the native handle in writes that fill at most one chunkSize output buffer; a full buffer
// means more output waits, so the same input is written again. A stream's writes run on the
// thread pool (their time is the pool's), the *Sync functions' on the main thread.

const { Buffer, kMaxLength } = require('buffer');
const { Transform, finished } = require('stream');
const { submit } = require('internal/looplab/pool');
const { codes, genericNodeError } = require('internal/errors');
const { validateNumber } = require('internal/validators');
const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_DEFAULT_CHUNK, BROTLI_ENCODE, BROTLI_DECODE,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_EMIT_METADATA,
} = require('internal/zlib/constants');

const zb = internalBinding('zlib');
const kFlushFlag = Symbol('kFlushFlag');
const kError = Symbol('kError');

// How much each flush value flushes, least first: a stream's last chunk takes the more of its
// own flag and the finish flag.
const flushOrder = [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH];
function maxFlush(a, b) {
  return flushOrder.indexOf(a) > flushOrder.indexOf(b) ? a : b;
}

// flush(kind) writes one of these empty buffers, tagged with its flush value.
const flushBuffers = [];
for (const flag of flushOrder) {
  flushBuffers[flag] = Buffer.alloc(0);
  flushBuffers[flag][kFlushFlag] = flag;
}

// Node's option checks: undefined and NaN take the default; anything else must be a finite
// number in range.
function checkFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  validateNumber(number, name);
  throw new codes.ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw new codes.ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

// `defaults`: the stream's flush, finishFlush and fullFlush values.
function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  const brotli = mode === BROTLI_ENCODE || mode === BROTLI_DECODE;
  const [lowest, highest] = brotli ? [BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_EMIT_METADATA] : [Z_NO_FLUSH, Z_BLOCK];
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!checkFiniteNumber(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw new codes.ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    } else if (chunkSize > kMaxLength) {
      // Node allocates its output buffer here, and Buffer refuses the size.
      throw new codes.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, chunkSize);
    }
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush', lowest, highest, flush);
    finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', lowest, highest, finishFlush);
    maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
    // The stream moves bytes: no string encoding, no object mode.
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
  }
  Transform.call(this, { autoDestroy: true, ...opts });
  this[kError] = null;
  this.bytesWritten = 0;
  this._handle = handle;
  this._outOffset = 0;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return !this._handle; },
});

// bytesRead: Node's old name for bytesWritten (DEP0108).
Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return this.bytesWritten; },
  set(value) { this.bytesWritten = value; },
});

ZlibBase.prototype.reset = function() {
  if (!this._handle) throw new codes.ERR_INTERNAL_ASSERTION('zlib binding closed');
  zb.reset(this._handle);
};

// The Transform's last call: an empty chunk, with the finish flush.
ZlibBase.prototype._flush = function(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

// Node's zlib finishes its writable side at once: 'finish' comes before the last output.
ZlibBase.prototype._final = function(callback) {
  callback();
};

ZlibBase.prototype.flush = function(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(flushBuffers[kind], '', callback);
  }
};

ZlibBase.prototype.close = function(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function(err, callback) {
  closeHandle(this);
  callback(err);
};

ZlibBase.prototype._transform = function(chunk, encoding, cb) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  // The last chunk written before end() finishes the stream.
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
  }
  processChunk(this, chunk, flushFlag, cb);
};

ZlibBase.prototype._processChunk = function(chunk, flushFlag, cb) {
  if (typeof cb === 'function') processChunk(this, chunk, flushFlag, cb);
  else return processChunkSync(this, chunk, flushFlag);
};

function closeHandle(engine) {
  if (!engine._handle) return;
  zb.close(engine._handle);
  engine._handle = null;
}

// The native handle's failure: the stream is destroyed with Node's error.
function handleError(self, [errno, message, code]) {
  const error = genericNodeError(message, { errno, code });
  error.errno = errno;
  error.code = code;
  self.destroy(error);
  self[kError] = error;
  return error;
}

// A DataView or other typed array: its bytes, as the handle reads them.
function bytesOf(chunk) {
  return chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function processChunkSync(self, chunk, flushFlag) {
  chunk = bytesOf(chunk);
  let availInBefore = chunk.byteLength;
  let availOutBefore = self._chunkSize - self._outOffset;
  let inOff = 0;
  const buffers = [];
  let nread = 0;
  let inputRead = 0;
  const chunkSize = self._chunkSize;
  // The handle's error is thrown here, not left as an unhandled 'error' event.
  let error;
  self.on('error', (er) => { error = er; });
  for (;;) {
    if (!self._handle) throw new codes.ERR_INTERNAL_ASSERTION('zlib binding closed');
    const result = zb.writeSync(self._handle, flushFlag, chunk, inOff, availInBefore, availOutBefore);
    if (result.length === 3) handleError(self, result);
    if (error) throw error;
    if (self[kError]) throw self[kError];
    const [availInAfter, out] = result;
    const inDelta = availInBefore - availInAfter;
    inputRead += inDelta;
    if (out.length > 0) {
      buffers.push(Buffer.from(out.buffer, out.byteOffset, out.length));
      nread += out.length;
      self._outOffset += out.length;
      if (nread > self._maxOutputLength) {
        closeHandle(self);
        throw new codes.ERR_BUFFER_TOO_LARGE(self._maxOutputLength);
      }
    }
    const availOutAfter = availOutBefore - out.length;
    if (availOutAfter === 0 || self._outOffset >= chunkSize) {
      availOutBefore = chunkSize;
      self._outOffset = 0;
    }
    if (availOutAfter !== 0) break;
    // A full buffer: the rest of the input, and whatever output waits.
    inOff += inDelta;
    availInBefore = availInAfter;
  }
  self.bytesWritten = inputRead;
  closeHandle(self);
  if (nread === 0) return Buffer.alloc(0);
  return buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, nread);
}

function processChunk(self, chunk, flushFlag, cb) {
  if (!self._handle) {
    process.nextTick(cb);
    return;
  }
  chunk = bytesOf(chunk);
  const req = {
    chunk, cb, flushFlag, inOff: 0,
    availInBefore: chunk.byteLength,
    availOutBefore: self._chunkSize - self._outOffset,
  };
  writeOnPool(self, req);
}

// The write runs now, as a simulated pool runs its work at submit; its result is taken when
// the pool's request completes.
function writeOnPool(self, req) {
  const result = zb.write(self._handle, req.flushFlag, req.chunk, req.inOff, req.availInBefore, req.availOutBefore);
  // The pool's time is by the input this write takes.
  const taken = result.length === 3 ? req.availInBefore : req.availInBefore - result[0];
  submit('zlib', taken, `zlib.${self.constructor.name}: write`, () => afterWrite(self, req, result));
}

function afterWrite(self, req, result) {
  if (self.destroyed) {
    req.cb();
    return;
  }
  if (result.length === 3) {
    handleError(self, result);
    return;
  }
  const [availInAfter, out] = result;
  const inDelta = req.availInBefore - availInAfter;
  self.bytesWritten += inDelta;
  let bufferIsFull = false;
  if (out.length > 0) {
    self._outOffset += out.length;
    bufferIsFull = !self.push(Buffer.from(out.buffer, out.byteOffset, out.length));
  }
  if (self.destroyed) {
    req.cb();
    return;
  }
  const availOutAfter = req.availOutBefore - out.length;
  if (availOutAfter === 0 || self._outOffset >= self._chunkSize) {
    req.availOutBefore = self._chunkSize;
    self._outOffset = 0;
  }
  if (availOutAfter === 0) {
    // More output waits: write the rest now, or when the reader next wants data.
    req.inOff += inDelta;
    req.availInBefore = availInAfter;
    if (!bufferIsFull) {
      writeOnPool(self, req);
    } else {
      const oldRead = self._read;
      self._read = (n) => {
        self._read = oldRead;
        writeOnPool(self, req);
        self._read(n);
      };
    }
    return;
  }
  if (availInAfter > 0) {
    // Input left with output room to spare: the compressed stream ended before the input did.
    self.push(null);
  }
  req.cb();
}

module.exports = { ZlibBase, checkRangesOrGetDefault, kFlushFlag };
