'use strict';

// Looplab: stream.Readable. Chunks wait in state.buffer until read() takes
// them; 'data', 'readable' and 'end' are timed with process.nextTick exactly
// where Node's are, because scripts (and Looplab's timeline) observe that order.

const { Stream } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const destroyImpl = require('internal/streams/destroy');
const { getHighWaterMark } = require('internal/streams/state');

const codes = () => require('internal/errors').codes;
let StringDecoder;

const {
  kState, defineFlags, defineSlot, defineTriState, defineDefaultEncoding,
} = require('internal/streams/flags');

const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
const kDecoderValue = Symbol('kDecoderValue');
const kEncodingValue = Symbol('kEncodingValue');

// autoDestroy, emitClose, constructed, sync and "default encoding is utf8".
const INITIAL_BITS = (1 << 2) | (1 << 3) | (1 << 8) | (1 << 12) | (1 << 20);

function ReadableState(options, stream, isDuplex) {
  options = options || {};
  this[kState] = INITIAL_BITS;
  if (options.objectMode || (isDuplex && options.readableObjectMode)) this.objectMode = true;
  this.highWaterMark = getHighWaterMark(this, options, 'readableHighWaterMark', isDuplex);
  this.buffer = [];
  this.bufferIndex = 0;
  this.length = 0;
  this.pipes = [];
  if (options.emitClose === false) this.emitClose = false;
  if (options.autoDestroy === false) this.autoDestroy = false;
  if (options.defaultEncoding && options.defaultEncoding !== 'utf8') this.defaultEncoding = options.defaultEncoding;
  this.awaitDrainWriters = null;
  if (options.encoding) {
    StringDecoder ??= require('string_decoder').StringDecoder;
    this.decoder = new StringDecoder(options.encoding);
    this.encoding = options.encoding;
  }
}

defineFlags(ReadableState.prototype, {
  objectMode: 0, errorEmitted: 1, autoDestroy: 2, emitClose: 3, destroyed: 4, closed: 5, closeEmitted: 6,
  constructed: 8, ended: 9, endEmitted: 10, reading: 11, sync: 12, needReadable: 13, emittedReadable: 14,
  readableListening: 15, resumeScheduled: 16, multiAwaitDrain: 17, readingMore: 18, dataEmitted: 19,
  dataListening: 27,
});
defineSlot(ReadableState.prototype, 'errored', 7, kErroredValue, null);
defineDefaultEncoding(ReadableState.prototype, 20, kDefaultEncodingValue);
defineSlot(ReadableState.prototype, 'decoder', 21, kDecoderValue, null);
defineSlot(ReadableState.prototype, 'encoding', 22, kEncodingValue, null);
defineTriState(ReadableState.prototype, 'flowing', 23, 24, null);
defineTriState(ReadableState.prototype, 'paused', 25, 26, false);
Object.defineProperty(ReadableState.prototype, 'pipesCount', {
  __proto__: null, configurable: true, get() { return this.pipes.length; },
});

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  const isDuplex = this instanceof require('internal/streams/duplex').Duplex;
  // Slots for the events streams use most, as Node pre-shapes them.
  this._events ??= { close: undefined, error: undefined, data: undefined, end: undefined, readable: undefined };
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) require('internal/streams/add-abort-signal').addAbortSignal(options.signal, this);
  }
  Stream.call(this, options);
  destroyImpl.construct(this, () => {
    if (this._readableState.needReadable) maybeReadMore(this, this._readableState);
  });
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

Readable.ReadableState = ReadableState;
Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function(err, cb) {
  cb(err);
};

Readable.prototype.push = function push(chunk, encoding) {
  return addChunk(this, chunk, encoding, false);
};

Readable.prototype.unshift = function unshift(chunk, encoding) {
  return addChunk(this, chunk, encoding, true);
};

function addChunk(stream, chunk, encoding, front) {
  const state = stream._readableState;
  let err;
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        chunk = front && state.encoding ? Buffer.from(chunk, encoding).toString(state.encoding) : Buffer.from(chunk, encoding);
        encoding = '';
      }
    } else if (chunk instanceof Buffer) {
      encoding = '';
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = '';
    } else if (chunk !== null && chunk !== undefined) {
      err = new (codes().ERR_INVALID_ARG_TYPE)('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }
  if (err) {
    destroyImpl.errorOrDestroy(stream, err);
    return false;
  }
  if (chunk === null) {
    state.reading = false;
    onEndOfChunks(stream, state);
    return false;
  }
  if (state.objectMode || chunk.length > 0) {
    if (front) {
      if (state.endEmitted) {
        destroyImpl.errorOrDestroy(stream, new (codes().ERR_STREAM_UNSHIFT_AFTER_END_EVENT)());
        return false;
      }
      if (state.destroyed || state.errored) return false;
      store(stream, state, chunk, true);
    } else if (state.ended) {
      destroyImpl.errorOrDestroy(stream, new (codes().ERR_STREAM_PUSH_AFTER_EOF)());
      return false;
    } else if (state.destroyed || state.errored) {
      return false;
    } else {
      state.reading = false;
      if (state.decoder && !encoding) {
        chunk = state.decoder.write(chunk);
        if (state.objectMode || chunk.length !== 0) store(stream, state, chunk, false);
        else maybeReadMore(stream, state);
      } else {
        store(stream, state, chunk, false);
      }
    }
  } else if (!front) {
    state.reading = false;
    maybeReadMore(stream, state);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function store(stream, state, chunk, front) {
  // A flowing stream with nothing queued hands the chunk straight to 'data'.
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state.dataEmitted = true;
    stream.emit('data', chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (front) state.buffer.splice(state.bufferIndex, 0, chunk);
    else state.buffer.push(chunk);
    if (state.needReadable) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

function onEndOfChunks(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const rest = state.decoder.end();
    if (rest && rest.length) {
      state.buffer.push(rest);
      state.length += state.objectMode ? 1 : rest.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadableNow(stream);
  }
}

function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    process.nextTick(emitReadableNow, stream);
  }
}

function emitReadableNow(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    process.nextTick(readMore, stream, state);
  }
}

// Keeps calling _read while below the high-water mark and nothing is pending.
function readMore(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const before = state.length;
    stream.read(0);
    if (before === state.length) break;
  }
  state.readingMore = false;
}

Readable.prototype.isPaused = function isPaused() {
  const state = this._readableState;
  return state.paused === true || state.flowing === false;
};

Readable.prototype.setEncoding = function setEncoding(enc) {
  StringDecoder ??= require('string_decoder').StringDecoder;
  const decoder = new StringDecoder(enc);
  const state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  // Re-decode whatever is already queued.
  let text = '';
  for (const chunk of state.buffer.slice(state.bufferIndex)) text += decoder.write(chunk);
  state.buffer = text === '' ? [] : [text];
  state.bufferIndex = 0;
  state.length = text.length;
  return this;
};

function nextHighWaterMark(n) {
  if (n > 1073741824) throw new (codes().ERR_OUT_OF_RANGE)('size', '<= 1GiB', n);
  let m = 1;
  while (m < n) m *= 2;
  return m;
}

function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (Number.isNaN(n)) {
    if (state.flowing && state.length) return chunkLength(state.buffer[state.bufferIndex]);
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

const chunkLength = (chunk) => chunk.length;

Readable.prototype.read = function read(n) {
  n = n === undefined ? NaN : Number.parseInt(n, 10);
  const state = this._readableState;
  const asked = n;
  if (n > state.highWaterMark) state.highWaterMark = nextHighWaterMark(n);
  if (n !== 0) state.emittedReadable = false;

  // read(0) only pokes the stream: announce data or end, or start a _read.
  if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
    if (state.length === 0 && state.ended) endReadable(this);
    else emitReadable(this);
    return null;
  }
  n = howMuchToRead(n, state);
  if (n === 0 && state.ended) {
    if (state.length === 0) endReadable(this);
    return null;
  }

  let doRead = state.needReadable;
  if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
  if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
    doRead = false;
  } else if (doRead) {
    state.reading = true;
    state.sync = true;
    if (state.length === 0) state.needReadable = true;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      destroyImpl.errorOrDestroy(this, err);
    }
    state.sync = false;
    if (!state.reading) n = howMuchToRead(asked, state);
  }

  let ret = n > 0 ? takeFromBuffer(n, state) : null;
  if (ret === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= n;
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }
  if (state.length === 0) {
    if (!state.ended) state.needReadable = true;
    if (asked !== n && state.ended) endReadable(this);
  }
  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    this.emit('data', ret);
  }
  return ret;
};

// Takes n bytes (or one object, or everything) off the front of the queue.
// Taken slots become null until the queue is compacted, as in Node.
function takeFromBuffer(n, state) {
  if (state.length === 0) return null;
  const buf = state.buffer;
  let ret;
  if (state.objectMode) {
    ret = buf[state.bufferIndex];
    buf[state.bufferIndex++] = null;
  } else if (!n || n >= state.length) {
    const rest = buf.slice(state.bufferIndex);
    if (state.decoder) ret = rest.join('');
    else if (rest.length === 1) ret = rest[0];
    else ret = Buffer.concat(rest, state.length);
    state.buffer = [];
    state.bufferIndex = 0;
    return ret;
  } else {
    const first = buf[state.bufferIndex];
    if (n < first.length) {
      ret = first.slice(0, n);
      buf[state.bufferIndex] = first.slice(n);
    } else if (n === first.length) {
      ret = first;
      buf[state.bufferIndex++] = null;
    } else {
      const parts = [];
      let need = n;
      while (need > 0) {
        const c = buf[state.bufferIndex];
        if (c.length < need) {
          parts.push(c);
          need -= c.length;
          buf[state.bufferIndex++] = null;
        } else if (state.decoder ? need === buf.length : c.length === need) {
          // Node's string path compares with the queue's length here, not the
          // chunk's: it may take the whole chunk (more than asked) or leave ''.
          parts.push(c);
          need = 0;
          buf[state.bufferIndex++] = null;
        } else {
          parts.push(c.slice(0, need));
          buf[state.bufferIndex] = c.slice(need);
          need = 0;
        }
      }
      ret = state.decoder ? parts.join('') : Buffer.concat(parts, n);
    }
  }
  if (state.bufferIndex > 1024 || state.bufferIndex === buf.length) {
    state.buffer = buf.slice(state.bufferIndex);
    state.bufferIndex = 0;
  }
  return ret;
}

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    process.nextTick(emitEnd, state, stream);
  }
}

function emitEnd(state, stream) {
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');
    const ws = stream._writableState;
    if (stream.writable && stream.allowHalfOpen === false && ws && !ws.ending) {
      process.nextTick(() => stream.end());
    } else if (state.autoDestroy) {
      // A duplex is destroyed only once its writable side is done too.
      if (!ws || (ws.autoDestroy && (ws.finished || ws.writable === false))) stream.destroy();
    }
  }
}

Readable.prototype._read = function _read(n) {
  throw new (codes().ERR_METHOD_NOT_IMPLEMENTED)('_read()');
};

Readable.prototype.on = function on(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.dataListening = true;
    state.readableListening = this.listenerCount('readable') > 0;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) process.nextTick((self) => self.read(0), this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function removeListener(ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') process.nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function removeAllListeners(ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && state.paused === false) state.flowing = true;
  else if (self.listenerCount('data') > 0) self.resume();
  else if (!state.readableListening) state.flowing = null;
}

Readable.prototype.resume = function resume() {
  const state = this._readableState;
  if (!state.flowing) {
    // With a 'readable' listener the stream stays in paused mode.
    state.flowing = !state.readableListening;
    if (!state.resumeScheduled) {
      state.resumeScheduled = true;
      process.nextTick(resumeNow, this, state);
    }
  }
  state.paused = false;
  return this;
};

function resumeNow(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function pause() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state.paused = true;
  return this;
};

function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

Readable.prototype.wrap = function wrap(stream) {
  let paused = false;
  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => this.push(null));
  stream.on('error', (err) => destroyImpl.errorOrDestroy(this, err));
  stream.on('close', () => this.destroy());
  stream.on('destroy', () => this.destroy());
  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };
  return this;
};

require('internal/streams/readable-pipe')(Readable, { flow, codes });
require('internal/streams/readable-iter')(Readable);

Readable.from = function from(iterable, opts) {
  return require('internal/streams/from')(Readable, iterable, opts);
};

// Wraps an old-style stream (plain 'data'/'end' events) as a Readable.
Readable.wrap = function wrap(src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};

module.exports = Readable;
