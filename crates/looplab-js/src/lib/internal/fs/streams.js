'use strict';
// Looplab: fs.ReadStream and fs.WriteStream as Node builds them: a stream over a descriptor,
// each open, read, write and close one thread-pool request. A ReadStream reads highWaterMark
// bytes (64 KiB) per request until a read returns nothing; then it ends and closes its file.

const { Buffer } = require('buffer');
const { Readable, Writable, finished } = require('stream');
const { errorOrDestroy } = require('internal/streams/destroy');
const { validateInteger } = require('internal/validators');
const { deprecate } = require('internal/util');

const kIoDone = Symbol('kIoDone');
const kHandle = Symbol('kHandle');
const kIsPerformingIO = Symbol('kIsPerformingIO');

const fs = () => require('fs');

function optionsOf(options) {
  const { getOptions } = require('internal/fs/utils');
  return { ...getOptions(options) };
}

function pathOf(path) {
  if (path instanceof URL) return path.pathname;
  if (Buffer.isBuffer(path)) return path.toString();
  return path;
}

// The streams' own open(): a no-op Node keeps for code that calls it, deprecated.
const openReadFs = deprecate(function open() {},
  'ReadStream.prototype.open() is deprecated', 'DEP0135');
const openWriteFs = deprecate(function open() {},
  'WriteStream.prototype.open() is deprecated', 'DEP0135');

// Opens the file before the first read or write, unless the stream was given a descriptor. A
// subclass written for old Node replaces open() and emits 'open' itself: then the stream waits
// for that event (or 'error') instead.
function construct(callback) {
  if (typeof this.fd === 'number') {
    callback();
    return;
  }
  if (this.open !== openReadFs && this.open !== openWriteFs) {
    const emit = this.emit;
    this.emit = function (...args) {
      if (args[0] === 'open') {
        this.emit = emit;
        callback();
        Reflect.apply(emit, this, args);
      } else if (args[0] === 'error') {
        this.emit = emit;
        callback(args[1]);
      } else {
        Reflect.apply(emit, this, args);
      }
    };
    this.open();
    return;
  }
  fs().open(this.path, this.flags, this.mode, (er, fd) => {
    if (er) {
      callback(er);
      return;
    }
    this.fd = fd;
    callback();
    this.emit('open', this.fd);
    this.emit('ready');
  });
}

function closeFile(stream, err, cb) {
  const handle = stream[kHandle];
  if (handle) {
    stream.fd = null;
    stream[kHandle] = null;
    handle.close().then(() => cb(err), (er) => cb(er || err));
    return;
  }
  if (!stream.fd) {
    cb(err);
    return;
  }
  fs().close(stream.fd, (er) => cb(er || err));
  stream.fd = null;
}

function destroy(err, cb) {
  if (this[kIsPerformingIO]) this.once(kIoDone, (er) => closeFile(this, err || er, cb));
  else closeFile(this, err, cb);
}

function checkRange(start, end) {
  if (start !== undefined) validateInteger(start, 'start', 0);
  if (end !== Infinity) validateInteger(end, 'end', 0);
  if (start !== undefined && start > end) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_OUT_OF_RANGE('start', `<= "end" (here: ${end})`, start);
  }
}

// `pending` (not open yet) and `autoClose` (the stream's autoDestroy, in its state `state`).
function defineAccessors(proto, state) {
  Object.defineProperties(proto, {
    pending: { __proto__: null, configurable: true, get() { return this.fd === null; } },
    autoClose: {
      __proto__: null,
      configurable: true,
      get() { return this[state].autoDestroy; },
      set(value) { this[state].autoDestroy = value; },
    },
  });
}

// What both streams keep of their file: a descriptor given, or the path to open with `flags`
// and `mode`, and where to start.
function fileOf(stream, path, options, flags) {
  stream.fd = options.fd ?? null;
  const { FileHandle } = require('internal/fs/file_handle');
  if (stream.fd instanceof FileHandle) {
    // A FileHandle: the stream reads and writes its descriptor, closes it by closing the handle,
    // and closes when the handle does.
    stream[kHandle] = stream.fd;
    stream.fd = stream[kHandle].fd;
    stream[kHandle].on('close', () => stream.close());
  }
  stream.path = stream.fd === null ? pathOf(path) : undefined;
  stream.flags = options.flags === undefined ? flags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream.start = options.start;
}

// Functions, not classes, as in Node: code written for old Node inherits with
// `fs.ReadStream.call(this, path)`, and calling one without `new` makes a stream.
function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = optionsOf(options);
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  Readable.call(this, options);
  fileOf(this, path, options, 'r');
  this.end = options.end === undefined ? Infinity : options.end;
  this.pos = this.start;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  checkRange(this.start, this.end);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

defineAccessors(ReadStream.prototype, '_readableState');

ReadStream.prototype._read = function _read(n) {
  n = this.pos !== undefined
    ? Math.min(this.end - this.pos + 1, n)
    : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  fs().read(this.fd, buf, 0, n, this.pos, (er, bytesRead, buf) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      errorOrDestroy(this, er);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      this.push(bytesRead === buf.length ? buf : Buffer.from(buf.subarray(0, bytesRead)));
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};
ReadStream.prototype.open = openReadFs;
ReadStream.prototype._construct = construct;
ReadStream.prototype._destroy = destroy;

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = optionsOf(options);
  options.decodeStrings = true;
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  Writable.call(this, options);
  fileOf(this, path, options, 'w');
  this.pos = this.start;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  checkRange(this.start, Infinity);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

defineAccessors(WriteStream.prototype, '_writableState');

WriteStream.prototype._write = function _write(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  fs().write(this.fd, data, 0, data.length, this.pos, (er, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      cb(er);
      return;
    }
    this.bytesWritten += bytes;
    cb();
  });
  if (this.pos !== undefined) this.pos += data.length;
};

// Node writes buffered chunks with one writev(2); one write of them joined is one request too.
WriteStream.prototype._writev = function _writev(chunks, cb) {
  this._write(Buffer.concat(chunks.map(({ chunk }) => chunk)), 'buffer', cb);
};

WriteStream.prototype.close = function close(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = function destroySoon() {
  this.end();
};
WriteStream.prototype.open = openWriteFs;
WriteStream.prototype._construct = construct;
WriteStream.prototype._destroy = destroy;

module.exports = { ReadStream, WriteStream };
