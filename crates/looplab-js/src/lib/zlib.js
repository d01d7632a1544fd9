'use strict';
// Looplab: zlib (gzip, deflate, raw deflate, unzip and brotli) as streams, one-shot functions
// with a callback (a stream underneath, as in Node) and *Sync functions on the main thread.

const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const { isArrayBufferView, isAnyArrayBuffer } = require('internal/util/types');
const { validateFunction, validateUint32 } = require('internal/validators');
const constants = require('internal/zlib/constants');
const classes = require('internal/zlib/classes');

const zb = internalBinding('zlib');

const bufferTypes = ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'];

function zlibBuffer(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    if (!isAnyArrayBuffer(buffer)) {
      process.nextTick(callback, new codes.ERR_INVALID_ARG_TYPE('buffer', bufferTypes, buffer));
      return;
    }
    buffer = Buffer.from(buffer);
  }
  engine.buffers = null;
  engine.nread = 0;
  engine.cb = callback;
  engine.on('data', zlibBufferOnData);
  engine.on('error', zlibBufferOnError);
  engine.on('end', zlibBufferOnEnd);
  engine.end(buffer);
}

function zlibBufferOnData(chunk) {
  if (!this.buffers) this.buffers = [chunk];
  else this.buffers.push(chunk);
  this.nread += chunk.length;
  if (this.nread > this._maxOutputLength) {
    this.close();
    this.removeAllListeners('end');
    this.cb(new codes.ERR_BUFFER_TOO_LARGE(this._maxOutputLength));
  }
}

function zlibBufferOnError(err) {
  this.removeAllListeners('end');
  this.cb(err);
}

function zlibBufferOnEnd() {
  let buf;
  if (this.nread === 0) buf = Buffer.alloc(0);
  else buf = this.buffers.length === 1 ? this.buffers[0] : Buffer.concat(this.buffers, this.nread);
  this.close();
  if (this._info) this.cb(null, { buffer: buf, engine: this });
  else this.cb(null, buf);
}

function zlibBufferSync(engine, buffer) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    if (!isAnyArrayBuffer(buffer)) throw new codes.ERR_INVALID_ARG_TYPE('buffer', bufferTypes, buffer);
    buffer = Buffer.from(buffer);
  }
  buffer = engine._processChunk(buffer, engine._finishFlushFlag);
  return engine._info ? { buffer, engine } : buffer;
}

function convenience(Ctor, sync) {
  if (sync) return function(buffer, opts) { return zlibBufferSync(new Ctor(opts), buffer); };
  return function(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    return zlibBuffer(new Ctor(opts), buffer, callback);
  };
}

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !isArrayBufferView(data)) {
    throw new codes.ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateUint32(value, 'value');
  return zb.crc32(data, value);
}

// Node's return codes, by name and by number.
const codeNames = {};
for (const name of ['Z_OK', 'Z_STREAM_END', 'Z_NEED_DICT', 'Z_ERRNO', 'Z_STREAM_ERROR',
  'Z_DATA_ERROR', 'Z_MEM_ERROR', 'Z_BUF_ERROR', 'Z_VERSION_ERROR']) {
  codeNames[name] = constants[name];
  codeNames[constants[name]] = name;
}

// zlib.constants: values that cannot be changed.
const frozenConstants = {};
for (const [key, value] of Object.entries(constants)) {
  Object.defineProperty(frozenConstants, key, { __proto__: null, value, enumerable: true, writable: false });
}

const methods = {};
const names = {
  Deflate: 'deflate', Inflate: 'inflate', Gzip: 'gzip', Gunzip: 'gunzip', DeflateRaw: 'deflateRaw',
  InflateRaw: 'inflateRaw', Unzip: 'unzip', BrotliCompress: 'brotliCompress', BrotliDecompress: 'brotliDecompress',
};
for (const [cls, fn] of Object.entries(names)) {
  methods[fn] = convenience(classes[cls], false);
  methods[`${fn}Sync`] = convenience(classes[cls], true);
}
const creators = {};
for (const cls of Object.keys(names)) creators[`create${cls}`] = (options) => new classes[cls](options);

module.exports = { crc32, ...classes, ...methods, ...creators };
Object.defineProperties(module.exports, {
  constants: { __proto__: null, enumerable: true, value: frozenConstants },
  codes: { __proto__: null, enumerable: true, writable: false, value: Object.freeze(codeNames) },
});

// The zlib constants on the module itself, as older code reads them.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, { __proto__: null, enumerable: false, value: constants[key], writable: false });
}
