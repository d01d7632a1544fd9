'use strict';

// Looplab: stream.Writable. One _write runs at a time; later writes queue in
// state.buffered. Callbacks of synchronous writes are batched onto one
// nextTick, and 'drain' fires when the queue empties after write() said false.

const { Stream } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const destroyImpl = require('internal/streams/destroy');
const { getHighWaterMark } = require('internal/streams/state');

const codes = () => require('internal/errors').codes;
const nop = () => {};

const {
  kState, defineFlags, defineSlot, defineTriState, defineDefaultEncoding,
} = require('internal/streams/flags');

const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
const kWriteCbValue = Symbol('kWriteCbValue');
const kAfterWriteTickInfoValue = Symbol('kAfterWriteTickInfoValue');
const kBufferedValue = Symbol('kBufferedValue');
const kOnFinishedValue = Symbol('kOnFinishedValue');

// autoDestroy, emitClose, constructed, sync, decodeStrings, allBuffers,
// allNoop and "default encoding is utf8".
const INITIAL_BITS = (1 << 2) | (1 << 3) | (1 << 8) | (1 << 9) | (1 << 14) | (1 << 18) | (1 << 19) | (1 << 24);
const HAS_WRITECB = 2 ** 26;
const WRITECB_SLOT = 2 ** 25;

function WritableState(options, stream, isDuplex) {
  options = options || {};
  this[kState] = INITIAL_BITS;
  if (options.objectMode || (isDuplex && options.writableObjectMode)) this.objectMode = true;
  this.highWaterMark = getHighWaterMark(this, options, 'writableHighWaterMark', isDuplex);
  if (options.decodeStrings === false) this.decodeStrings = false;
  if (options.defaultEncoding && options.defaultEncoding !== 'utf8') this.defaultEncoding = options.defaultEncoding;
  this.length = 0;
  this.corked = 0;
  this.onwrite = onwrite.bind(undefined, stream);
  this.writelen = 0;
  this[kBufferedValue] = null;
  this.bufferedIndex = 0;
  this.pendingcb = 0;
  if (options.emitClose === false) this.emitClose = false;
  if (options.autoDestroy === false) this.autoDestroy = false;
}

defineFlags(WritableState.prototype, {
  objectMode: 0, errorEmitted: 1, autoDestroy: 2, emitClose: 3, destroyed: 4, closed: 5, closeEmitted: 6,
  constructed: 8, sync: 9, finalCalled: 10, needDrain: 11, ending: 12, finished: 13, decodeStrings: 14,
  writing: 15, bufferProcessing: 16, prefinished: 17, allBuffers: 18, allNoop: 19, ended: 30,
});
defineSlot(WritableState.prototype, 'errored', 7, kErroredValue, null);
defineTriState(WritableState.prototype, 'writable', 21, 22, undefined);
defineDefaultEncoding(WritableState.prototype, 24, kDefaultEncodingValue);
defineSlot(WritableState.prototype, 'afterWriteTickInfo', 27, kAfterWriteTickInfoValue, null);
// Usually-empty lists: [] reads back when nothing is stored.
defineSlot(WritableState.prototype, 'buffered', 29, kBufferedValue, []);
defineSlot(WritableState.prototype, 'onFinished', 20, kOnFinishedValue, []);
// The pending write's callback: a bit alone for the no-op callback.
Object.defineProperty(WritableState.prototype, 'writecb', {
  __proto__: null,
  configurable: true,
  get() {
    if ((this[kState] & HAS_WRITECB) === 0) return null;
    return (this[kState] & WRITECB_SLOT) !== 0 ? this[kWriteCbValue] : nop;
  },
  set(fn) {
    if (typeof fn !== 'function') {
      this[kState] &= ~(HAS_WRITECB | WRITECB_SLOT);
      this[kWriteCbValue] = null;
    } else if (fn === nop) {
      this[kState] = (this[kState] | HAS_WRITECB) & ~WRITECB_SLOT;
    } else {
      this[kState] |= HAS_WRITECB | WRITECB_SLOT;
      this[kWriteCbValue] = fn;
    }
  },
});

function pushBuffered(state, entry) {
  if (state.buffered.length === 0) state.buffered = [entry];
  else state.buffered.push(entry);
}

function addOnFinished(state, cb) {
  if (state.onFinished.length === 0) state.onFinished = [cb];
  else state.onFinished.push(cb);
}

function takeOnFinished(state) {
  const list = state.onFinished;
  if (list.length) state.onFinished = null;
  return list;
}

WritableState.prototype.getBuffer = function getBuffer() {
  return this.buffered.slice(this.bufferedIndex);
};
Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  __proto__: null,
  get() { return this.buffered.length - this.bufferedIndex; },
});

function Writable(options) {
  const isDuplex = this instanceof require('internal/streams/duplex').Duplex;
  if (!isDuplex && !(this instanceof Writable)) return new Writable(options);
  this._events ??= { close: undefined, error: undefined, prefinish: undefined, finish: undefined, drain: undefined };
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) require('internal/streams/add-abort-signal').addAbortSignal(options.signal, this);
  }
  Stream.call(this, options);
  destroyImpl.construct(this, () => {
    const state = this._writableState;
    if (!state.writing) clearBuffer(this, state);
    finishMaybe(this, state);
  });
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);

// `instanceof Writable` is also true for Duplex streams, which only copy its methods.
Object.defineProperty(Writable, Symbol.hasInstance, {
  __proto__: null,
  value(object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  },
});

Writable.WritableState = WritableState;

Writable.prototype.pipe = function pipe() {
  destroyImpl.errorOrDestroy(this, new (codes().ERR_STREAM_CANNOT_PIPE)());
};

function writeChunk(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = state.defaultEncoding;
  } else {
    if (!encoding) encoding = state.defaultEncoding;
    else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
    if (typeof cb !== 'function') cb = nop;
  }
  if (chunk === null) throw new (codes().ERR_STREAM_NULL_VALUES)();
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      if (state.decodeStrings !== false) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Buffer) {
      encoding = 'buffer';
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      throw new (codes().ERR_INVALID_ARG_TYPE)('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }
  let err;
  if (state.ending) err = new (codes().ERR_STREAM_WRITE_AFTER_END)();
  else if (state.destroyed) err = new (codes().ERR_STREAM_DESTROYED)('write');
  if (err) {
    process.nextTick(cb, err);
    destroyImpl.errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function write(chunk, encoding, cb) {
  return writeChunk(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function cork() {
  this._writableState.corked++;
};

Writable.prototype.uncork = function uncork() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = state.objectMode ? 1 : chunk.length;
  state.length += len;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    pushBuffered(state, { chunk, encoding, callback });
    if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
    if (state.allNoop && callback !== nop) state.allNoop = false;
  } else {
    state.writelen = len;
    state.writecb = callback;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  // Measured after a synchronous _write has already called back, as Node does.
  const ret = state.length < state.highWaterMark || state.length === 0;
  if (!ret) state.needDrain = true;
  return ret && !state.errored && !state.destroyed;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) state.onwrite(new (codes().ERR_STREAM_DESTROYED)('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state.sync = false;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  destroyImpl.errorOrDestroy(stream, er);
}

// Bound to its stream in WritableState (Node prints it as "bound onwrite").
function onwrite(stream, er) {
  const state = stream._writableState;
  const sync = state.sync;
  const cb = state.writecb;
  if (typeof cb !== 'function') {
    destroyImpl.errorOrDestroy(stream, new (codes().ERR_MULTIPLE_CALLBACK)());
    return;
  }
  state.writing = false;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    if (!state.errored) state.errored = er;
    if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
    return;
  }
  if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
  if (sync) {
    // Consecutive synchronous writes with the same callback share one tick.
    const info = state.afterWriteTickInfo;
    if (info !== null && info.cb === cb) {
      info.count++;
    } else {
      state.afterWriteTickInfo = { count: 1, cb, stream, state };
      process.nextTick(afterWriteTick, state.afterWriteTickInfo);
    }
  } else {
    afterWrite(stream, state, 1, cb);
  }
}

function afterWriteTick({ stream, state, count, cb }) {
  state.afterWriteTickInfo = null;
  afterWrite(stream, state, count, cb);
}

function afterWrite(stream, state, count, cb) {
  const needDrain = !state.ending && !stream.destroyed && state.length === 0 && state.needDrain;
  if (needDrain) {
    state.needDrain = false;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  finishMaybe(stream, state);
}

// Fails every queued write once the stream is destroyed.
function errorBuffer(state) {
  if (state.writing) return;
  for (let i = state.bufferedIndex; i < state.buffered.length; i++) {
    const { chunk, callback } = state.buffered[i];
    state.length -= state.objectMode ? 1 : chunk.length;
    callback(state.errored ?? new (codes().ERR_STREAM_DESTROYED)('write'));
  }
  for (const cb of takeOnFinished(state)) cb(state.errored ?? new (codes().ERR_STREAM_DESTROYED)('end'));
  resetBuffer(state);
}

function resetBuffer(state) {
  state.buffered = null;
  state.bufferedIndex = 0;
  state.allBuffers = true;
  state.allNoop = true;
}

function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  const { buffered, objectMode } = state;
  const count = buffered.length - state.bufferedIndex;
  if (!count) return;
  let i = state.bufferedIndex;
  state.bufferProcessing = true;
  if (count > 1 && stream._writev) {
    state.pendingcb -= count - 1;
    const callbacks = state.allNoop ? nop : (err) => {
      for (let n = i; n < buffered.length; n++) buffered[n].callback(err);
    };
    const chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = state.allBuffers;
    doWrite(stream, state, true, state.length, chunks, '', callbacks);
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      const len = objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback);
    } while (i < buffered.length && !state.writing);
    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function _write(chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw new (codes().ERR_METHOD_NOT_IMPLEMENTED)('_write()');
};

Writable.prototype._writev = null;

Writable.prototype.end = function end(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = writeChunk(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // already reported by write()
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = new (codes().ERR_STREAM_ALREADY_FINISHED)('end');
  } else if (state.destroyed) {
    err = new (codes().ERR_STREAM_DESTROYED)('end');
  }
  if (typeof cb === 'function') {
    if (err || state.finished) {
      process.nextTick(cb, err);
    } else {
      addOnFinished(state, cb);
      // _final may already have failed synchronously: report that to cb too.
      if (state.errored) process.nextTick(errorBuffer, state);
    }
  }
  return this;
};

function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
    !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
    !state.errorEmitted && !state.closeEmitted;
}

function callFinal(stream, state) {
  let called = false;
  const onFinish = (err) => {
    if (called) {
      destroyImpl.errorOrDestroy(stream, new (codes().ERR_MULTIPLE_CALLBACK)());
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      for (const cb of takeOnFinished(state)) cb(err);
      destroyImpl.errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  };
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      callFinal(stream, state);
    } else {
      state.finalCalled = true;
      state.prefinished = true;
      stream.emit('prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (!needFinish(state)) return;
  prefinish(stream, state);
  if (state.pendingcb === 0) {
    if (sync) {
      state.pendingcb++;
      process.nextTick(() => {
        if (needFinish(state)) finish(stream, state);
        else state.pendingcb--;
      });
    } else if (needFinish(state)) {
      state.pendingcb++;
      finish(stream, state);
    }
  }
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  for (const cb of takeOnFinished(state)) cb(null);
  stream.emit('finish');
  if (state.autoDestroy) {
    // A duplex is destroyed only once its readable side has ended too.
    const rs = stream._readableState;
    if (!rs || (rs.autoDestroy && (rs.endEmitted || rs.readable === false))) stream.destroy();
  }
}

const getters = {
  closed: { get() { return this._writableState ? this._writableState.closed : false; } },
  destroyed: {
    get() { return this._writableState ? this._writableState.destroyed : false; },
    set(v) { if (this._writableState) this._writableState.destroyed = v; },
  },
  writable: {
    get() {
      const w = this._writableState;
      return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
    },
    set(v) { if (this._writableState) this._writableState.writable = !!v; },
  },
  writableFinished: { get() { return this._writableState ? this._writableState.finished : false; } },
  writableObjectMode: { get() { return this._writableState ? this._writableState.objectMode : false; } },
  writableBuffer: { get() { return this._writableState && this._writableState.getBuffer(); } },
  writableEnded: { get() { return this._writableState ? this._writableState.ending : false; } },
  writableNeedDrain: {
    get() {
      const w = this._writableState;
      return w ? !w.destroyed && !w.ending && w.needDrain : false;
    },
  },
  writableHighWaterMark: { get() { return this._writableState && this._writableState.highWaterMark; } },
  writableCorked: { get() { return this._writableState ? this._writableState.corked : 0; } },
  writableLength: { get() { return this._writableState && this._writableState.length; } },
  errored: { get() { return this._writableState ? this._writableState.errored : null; } },
  writableAborted: {
    get() {
      const w = this._writableState;
      return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
    },
  },
};
for (const [name, desc] of Object.entries(getters)) {
  Object.defineProperty(Writable.prototype, name, { __proto__: null, enumerable: false, configurable: true, ...desc });
}

Writable.prototype.destroy = function destroy(err, cb) {
  const state = this._writableState;
  // Queued writes fail now unless something is still in flight.
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state.onFinished.length)) {
    process.nextTick(errorBuffer, state);
  }
  destroyImpl.destroy.call(this, err, cb);
  return this;
};
Writable.prototype._undestroy = destroyImpl.undestroy;
Writable.prototype._destroy = function(err, cb) {
  cb(err);
};

module.exports = Writable;
