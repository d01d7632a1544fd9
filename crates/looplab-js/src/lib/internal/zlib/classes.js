'use strict';
// Looplab: the stream classes (Deflate, Gzip ... BrotliDecompress), old-style constructors as
// in Node, so they can be called without new and inherited with Object.setPrototypeOf. Zlib's
// and brotli's options are checked here, then the native handle is made.

const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const { isArrayBufferView, isAnyArrayBuffer } = require('internal/util/types');
const { ZlibBase, checkRangesOrGetDefault } = require('internal/zlib/zlib_base');
const c = require('internal/zlib/constants');

const zb = internalBinding('zlib');

const zlibDefaultOpts = { flush: c.Z_NO_FLUSH, finishFlush: c.Z_FINISH, fullFlush: c.Z_FULL_FLUSH };
const brotliDefaultOpts = {
  flush: c.BROTLI_OPERATION_PROCESS,
  finishFlush: c.BROTLI_OPERATION_FINISH,
  fullFlush: c.BROTLI_OPERATION_FLUSH,
};

function Zlib(opts, mode) {
  let windowBits = c.Z_DEFAULT_WINDOWBITS;
  let level = c.Z_DEFAULT_COMPRESSION;
  let strategy = c.Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    // For decompression, windowBits 0 means the size the stream's header names.
    if ((opts.windowBits == null || opts.windowBits === 0) &&
        (mode === c.INFLATE || mode === c.GUNZIP || mode === c.UNZIP)) {
      windowBits = 0;
    } else {
      // zlib refuses gzip's smallest window since 1.2.9.
      const least = mode === c.GZIP ? 9 : c.Z_MIN_WINDOWBITS;
      windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits',
        least, c.Z_MAX_WINDOWBITS, c.Z_DEFAULT_WINDOWBITS);
    }
    level = checkRangesOrGetDefault(opts.level, 'options.level', c.Z_MIN_LEVEL, c.Z_MAX_LEVEL, c.Z_DEFAULT_COMPRESSION);
    checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', c.Z_MIN_MEMLEVEL, c.Z_MAX_MEMLEVEL, c.Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', c.Z_DEFAULT_STRATEGY, c.Z_FIXED, c.Z_DEFAULT_STRATEGY);
    dictionary = opts.dictionary;
    if (dictionary !== undefined && !isArrayBufferView(dictionary)) {
      if (isAnyArrayBuffer(dictionary)) {
        dictionary = Buffer.from(dictionary);
      } else {
        throw new codes.ERR_INVALID_ARG_TYPE('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
      }
    }
  }
  const handle = zb.create(mode, windowBits, level, strategy, dictionary, undefined);
  if (!handle) throw new codes.ERR_ZLIB_INITIALIZATION_FAILED();
  ZlibBase.call(this, opts, mode, handle, zlibDefaultOpts);
  this._level = level;
  this._strategy = strategy;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

// A new level or strategy applies after what was written so far is flushed.
Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', c.Z_MIN_LEVEL, c.Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', c.Z_DEFAULT_STRATEGY, c.Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(c.Z_SYNC_FLUSH, () => {
      if (!this._handle) throw new codes.ERR_INTERNAL_ASSERTION('zlib binding closed');
      zb.params(this._handle, level, strategy);
      if (!this.destroyed) {
        this._level = level;
        this._strategy = strategy;
        if (callback) callback();
      }
    });
  } else {
    process.nextTick(callback);
  }
};

const kMaxBrotliParam = Math.max(...Object.entries(c)
  .map(([key, value]) => (key.startsWith('BROTLI_PARAM_') ? value : 0)));

function Brotli(opts, mode) {
  // The parameters set, as [key, value, key, value ...]; a key may be given once.
  const params = [];
  const seen = new Set();
  if (opts?.params) {
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      if (Number.isNaN(key) || key < 0 || key > kMaxBrotliParam || seen.has(key)) {
        throw new codes.ERR_BROTLI_INVALID_PARAM(origKey);
      }
      seen.add(key);
      const value = opts.params[origKey];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new codes.ERR_INVALID_ARG_TYPE('options.params[key]', 'number', opts.params[origKey]);
      }
      params.push(key, Number(value) >>> 0);
    }
  }
  const handle = zb.create(mode, 0, 0, 0, undefined, params);
  if (!handle) throw new codes.ERR_ZLIB_INITIALIZATION_FAILED();
  ZlibBase.call(this, opts, mode, handle, brotliDefaultOpts);
}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Brotli, ZlibBase);

// One constructor per mode; each may be called without new.
function define(name, Base, mode, fixOptions) {
  const ctor = {
    [name]: function(opts) {
      if (!(this instanceof ctor)) return new ctor(opts);
      Base.call(this, fixOptions ? fixOptions(opts) : opts, mode);
    },
  }[name];
  Object.setPrototypeOf(ctor.prototype, Base.prototype);
  Object.setPrototypeOf(ctor, Base);
  return ctor;
}

// zlib refuses an 8-bit window for raw deflate; Node asks for 9 instead.
function rawWindow(opts) {
  return opts && opts.windowBits === 8 ? { ...opts, windowBits: 9 } : opts;
}

module.exports = {
  Deflate: define('Deflate', Zlib, c.DEFLATE),
  Inflate: define('Inflate', Zlib, c.INFLATE),
  Gzip: define('Gzip', Zlib, c.GZIP),
  Gunzip: define('Gunzip', Zlib, c.GUNZIP),
  DeflateRaw: define('DeflateRaw', Zlib, c.DEFLATERAW, rawWindow),
  InflateRaw: define('InflateRaw', Zlib, c.INFLATERAW),
  Unzip: define('Unzip', Zlib, c.UNZIP),
  BrotliCompress: define('BrotliCompress', Brotli, c.BROTLI_ENCODE),
  BrotliDecompress: define('BrotliDecompress', Brotli, c.BROTLI_DECODE),
};
