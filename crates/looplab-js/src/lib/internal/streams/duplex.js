'use strict';

// Looplab: Duplex (a Readable that also has Writable's methods), Transform
// (writes go through _transform into the readable side) and PassThrough.

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const destroyImpl = require('internal/streams/destroy');

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  this._events ??= {
    close: undefined, error: undefined, prefinish: undefined, finish: undefined, drain: undefined,
    data: undefined, end: undefined, readable: undefined,
  };
  this._readableState = new Readable.ReadableState(options, this, true);
  this._writableState = new Writable.WritableState(options, this, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      Object.assign(this._readableState, { readable: false, ended: true, endEmitted: true });
    }
    if (options.writable === false) {
      Object.assign(this._writableState, { writable: false, ending: true, ended: true, finished: true });
    }
    for (const name of ['read', 'write', 'writev', 'destroy', 'final', 'construct']) {
      if (typeof options[name] === 'function') this[`_${name}`] = options[name];
    }
    if (options.signal) require('internal/streams/add-abort-signal').addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }
  require('internal/streams/legacy').Stream.call(this, options);
  destroyImpl.construct(this, () => {
    const r = this._readableState;
    if (r.needReadable) this.read(0);
    const w = this._writableState;
    if (!w.writing && w.buffered.length) this.uncork();
  });
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

for (const name of ['write', 'cork', 'uncork', 'setDefaultEncoding', 'end', '_write', '_writev']) {
  if (!Object.prototype.hasOwnProperty.call(Duplex.prototype, name)) Duplex.prototype[name] = Writable.prototype[name];
}
for (const name of ['writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer', 'writableLength',
  'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain']) {
  Object.defineProperty(Duplex.prototype, name, Object.getOwnPropertyDescriptor(Writable.prototype, name));
}
Duplex.prototype.destroy = Writable.prototype.destroy;

// Both sides must agree for the duplex to count as destroyed.
Object.defineProperty(Duplex.prototype, 'destroyed', {
  __proto__: null,
  configurable: true,
  get() {
    const r = this._readableState;
    const w = this._writableState;
    return r && w ? r.destroyed && w.destroyed : false;
  },
  set(value) {
    if (this._readableState && this._writableState) {
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    }
  },
});

const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  Duplex.call(this, options);
  // Pushes from _transform are never "inside _read", so they may flow at once.
  this._readableState.sync = false;
  this[kCallback] = null;
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  this.on('prefinish', prefinish);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

// Ends the readable side after _flush's last data.
function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((err, data) => {
      if (err) {
        if (cb) cb(err);
        else this.destroy(err);
        return;
      }
      if (data !== null && data !== undefined) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function prefinish() {
  if (this._final !== final) final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function() {
  throw new (require('internal/errors').codes.ERR_METHOD_NOT_IMPLEMENTED)('_transform()');
};

Transform.prototype._write = function(chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const before = rState.length;
  this._transform(chunk, encoding, (err, value) => {
    if (err) {
      callback(err);
      return;
    }
    if (value !== null && value !== undefined) this.push(value);
    if (rState.ended) {
      process.nextTick(callback);
    } else if (wState.ended || before === rState.length || rState.length < rState.highWaterMark) {
      callback();
    } else {
      // The reader is full: take the next chunk once it reads.
      this[kCallback] = callback;
    }
  });
};

Transform.prototype._read = function() {
  if (this[kCallback]) {
    const cb = this[kCallback];
    this[kCallback] = null;
    cb();
  }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);

PassThrough.prototype._transform = function(chunk, encoding, cb) {
  cb(null, chunk);
};

module.exports = { Duplex, Transform, PassThrough };
