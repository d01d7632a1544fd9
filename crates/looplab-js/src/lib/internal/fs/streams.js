'use strict';
// Looplab: fs.ReadStream and fs.WriteStream as Node builds them: a stream over a descriptor,
// each open, read, write and close one thread-pool request. A ReadStream reads highWaterMark
// bytes (64 KiB) per request until a read returns nothing; then it ends and closes its file.

const { Buffer } = require('buffer');
const { Readable, Writable, finished } = require('stream');
const { errorOrDestroy } = require('internal/streams/destroy');
const { validateInteger } = require('internal/validators');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');

const fs = () => require('fs');

function optionsOf(options) {
  if (options == null) return {};
  if (typeof options === 'string') return { encoding: options };
  return { ...options };
}

function pathOf(path) {
  if (path instanceof URL) return path.pathname;
  if (Buffer.isBuffer(path)) return path.toString();
  return path;
}

// Opens the file before the first read or write, unless the stream was given a descriptor.
function construct(callback) {
  if (typeof this.fd === 'number') {
    callback();
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

class ReadStream extends Readable {
  constructor(path, options) {
    options = optionsOf(options);
    if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    super(options);
    this.fd = options.fd ?? null;
    this.path = this.fd === null ? pathOf(path) : undefined;
    this.flags = options.flags === undefined ? 'r' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
    this.start = options.start;
    this.end = options.end === undefined ? Infinity : options.end;
    this.pos = this.start;
    this.bytesRead = 0;
    this[kIsPerformingIO] = false;
    checkRange(this.start, this.end);
  }

  get pending() { return this.fd === null; }

  get autoClose() { return this._readableState.autoDestroy; }

  set autoClose(value) { this._readableState.autoDestroy = value; }

  _read(n) {
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
  }

  close(cb) {
    if (typeof cb === 'function') finished(this, cb);
    this.destroy();
  }
}
ReadStream.prototype._construct = construct;
ReadStream.prototype._destroy = destroy;

class WriteStream extends Writable {
  constructor(path, options) {
    options = optionsOf(options);
    options.decodeStrings = true;
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    super(options);
    this.fd = options.fd ?? null;
    this.path = this.fd === null ? pathOf(path) : undefined;
    this.flags = options.flags === undefined ? 'w' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
    this.start = options.start;
    this.pos = this.start;
    this.bytesWritten = 0;
    this[kIsPerformingIO] = false;
    checkRange(this.start, Infinity);
    if (options.encoding) this.setDefaultEncoding(options.encoding);
  }

  get pending() { return this.fd === null; }

  get autoClose() { return this._writableState.autoDestroy; }

  set autoClose(value) { this._writableState.autoDestroy = value; }

  _write(data, encoding, cb) {
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
  }

  // Node writes buffered chunks with one writev(2); one write of them joined is one request too.
  _writev(chunks, cb) {
    this._write(Buffer.concat(chunks.map(({ chunk }) => chunk)), 'buffer', cb);
  }

  close(cb) {
    if (cb) {
      if (this.closed) {
        process.nextTick(cb);
        return;
      }
      this.on('close', cb);
    }
    if (!this.autoClose) this.on('finish', this.destroy);
    this.end();
  }

  destroySoon() {
    this.end();
  }
}
WriteStream.prototype._construct = construct;
WriteStream.prototype._destroy = destroy;

module.exports = { ReadStream, WriteStream };
