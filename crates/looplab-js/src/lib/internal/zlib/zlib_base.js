'use strict';
// Looplab: zlib's streams (createGzip, createGunzip ...): Transform streams where, as in Node,
// every write is a trip to the thread pool, the last chunk written after end() carries the
// finish flush, and _flush makes one more (empty) write. A compressor hands out its format's
// header after the first write and the rest at the finish, in Node's 16 KiB chunks; Looplab's
// transform runs whole at the finish, where Node's zlib would hand out a large input's output
// as it goes.

const { Buffer } = require('buffer');
const { Transform } = require('stream');
const { submit, submitOp } = require('internal/looplab/pool');
const { callableWithoutNew } = require('internal/util');

const messages = {
  Z_DATA_ERROR: ['incorrect header check', -3],
  Z_BUF_ERROR: ['unexpected end of file', -5],
};

// Node's error for a failed transform, from the code the codec names.
function zlibError(code) {
  const [message, errno] = messages[code] ?? [String(code), -3];
  const err = new Error(message);
  err.errno = errno;
  err.code = messages[code] ? code : 'Z_DATA_ERROR';
  return err;
}

// What a compressor writes before any data: gzip's header (mtime 0, Unix) and zlib's.
const headers = {
  gzip: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]),
  deflate: Buffer.from([0x78, 0x9c]),
};

class ZlibBase extends Transform {
  #op;
  #chunks = [];
  #headerOut = 0;
  #finished = false;

  constructor(op, options) {
    super(options);
    this.#op = op;
    this._chunkSize = options?.chunkSize ?? 16 * 1024;
    this.bytesWritten = 0;
  }

  _transform(chunk, encoding, callback) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this.#chunks.push(bytes);
    const last = this.writableEnded && this.writableLength === bytes.byteLength;
    this.#write(bytes.length, last, callback);
  }

  _flush(callback) {
    this.#write(0, true, callback);
  }

  // Node's zlib finishes its writable side at once: 'finish' comes before the flush's output
  // and 'end', where a plain Transform flushes first.
  _final(callback) {
    callback();
  }

  // One write on the pool; with the finish flush, the transform's output.
  #write(size, finish, callback) {
    const label = `zlib.${this.#op}: ${finish ? 'finish' : 'write'}`;
    if (!finish || this.#finished) {
      submit('zlib', size, label, () => {
        this.bytesWritten += size;
        const header = headers[this.#op];
        if (header && this.#headerOut === 0 && !this.#finished) {
          this.#headerOut = header.length;
          this.push(header);
        }
        callback();
      });
      return;
    }
    this.#finished = true;
    const input = Buffer.concat(this.#chunks);
    this.#chunks = [];
    submitOp(this.#op, [input], label, (err, out) => {
      if (err !== undefined) {
        callback(typeof err === 'string' ? zlibError(err) : err);
        return;
      }
      this.bytesWritten += size;
      const rest = Buffer.from(out.buffer, out.byteOffset, out.length).subarray(this.#headerOut);
      for (let at = 0; at < rest.length; at += this._chunkSize) {
        this.push(rest.subarray(at, at + this._chunkSize));
      }
      callback();
    });
  }

  close(callback) {
    if (callback) process.nextTick(callback);
    this.destroy();
  }
}

// One class per transform, named as Node names them.
const classes = {};
for (const [name, op] of [
  ['Gzip', 'gzip'], ['Gunzip', 'gunzip'], ['Deflate', 'deflate'], ['Inflate', 'inflate'],
  ['DeflateRaw', 'deflateRaw'], ['InflateRaw', 'inflateRaw'], ['Unzip', 'unzip'],
]) {
  classes[name] = callableWithoutNew(
    { [name]: class extends ZlibBase { constructor(options) { super(op, options); } } }[name]);
}

module.exports = { ZlibBase, zlibError, ...classes };
