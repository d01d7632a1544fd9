'use strict';
// Looplab: fs/promises' FileHandle: a descriptor whose calls return promises, each one pool
// request as its callback form is (readFile: fstat, then reads until one returns nothing). It is
// an EventEmitter, as in Node: 'close' tells the streams made over it that it closed.

const { Buffer } = require('buffer');
const EventEmitter = require('events');

const fs = () => require('fs');

function validateOptions(value) {
  const { validateObject } = require('internal/validators');
  validateObject(value, 'options', 1 /* null allowed */);
}

function promised(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn(...args, (err, ...values) => (err ? reject(err) : resolve(values)));
  });
}

class FileHandle extends EventEmitter {
  #fd;

  constructor(fd) {
    super();
    this.#fd = fd;
  }

  get fd() { return this.#fd; }

  // (buffer, offset, length, position), (buffer, options) or (options), as Node's.
  async read(buffer, offset, length, position) {
    if (!ArrayBuffer.isView(buffer)) {
      if (buffer !== undefined) validateOptions(buffer);
      ({ buffer = Buffer.alloc(16384), offset = 0, length = buffer.byteLength - offset,
        position = null } = buffer ?? {});
    }
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    const [bytesRead] = await promised(fs().read, this.#fd, buffer, offset ?? 0,
      length ?? buffer.byteLength - (offset ?? 0), position ?? null);
    return { bytesRead, buffer };
  }

  // (buffer, offset, length, position), (buffer, options) or (string, position, encoding).
  async write(buffer, offset, length, position) {
    if (buffer?.byteLength === 0) return { bytesWritten: 0, buffer };
    let written;
    if (ArrayBuffer.isView(buffer)) {
      if (typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset ?? {});
      }
      offset ??= 0;
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      if (typeof position !== 'number') position = null;
      [written] = await promised(fs().write, this.#fd, buffer, offset, length, position);
    } else {
      [written] = await promised(fs().write, this.#fd, buffer, offset ?? null, length ?? 'utf8');
    }
    return { bytesWritten: written, buffer };
  }

  async stat() {
    const [stats] = await promised(fs().fstat, this.#fd);
    return stats;
  }

  async readFile(options) {
    await this.stat();
    const chunks = [];
    for (;;) {
      const { bytesRead, buffer } = await this.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
    }
    const all = Buffer.concat(chunks);
    const encoding = typeof options === 'string' ? options : options?.encoding;
    return encoding ? all.toString(encoding) : all;
  }

  async writeFile(data, options) {
    const encoding = typeof options === 'string' ? options : options?.encoding ?? 'utf8';
    const bytes = typeof data === 'string' ? Buffer.from(data, encoding) : data;
    await this.write(bytes, 0, bytes.byteLength, null);
  }

  async appendFile(data, options) {
    return this.writeFile(data, options);
  }

  async readv(buffers, position) {
    const [bytesRead] = await promised(fs().readv, this.#fd, buffers, position ?? null);
    return { bytesRead, buffers };
  }

  async writev(buffers, position) {
    const [bytesWritten] = await promised(fs().writev, this.#fd, buffers, position ?? null);
    return { bytesWritten, buffers };
  }

  async chown(uid, gid) {
    await promised(fs().fchown, this.#fd, uid, gid);
  }

  async chmod(mode) {
    await promised(fs().fchmod, this.#fd, mode);
  }

  async truncate(len = 0) {
    await promised(fs().ftruncate, this.#fd, len);
  }

  async sync() {
    await promised(fs().fsync, this.#fd);
  }

  async datasync() {
    await promised(fs().fdatasync, this.#fd);
  }

  async close() {
    if (this.#fd === -1) return;
    const fd = this.#fd;
    this.#fd = -1;
    await promised(fs().close, fd);
    this.emit('close');
  }

  async [Symbol.asyncDispose]() {
    return this.close();
  }

  createReadStream(options) {
    return fs().createReadStream(null, { ...options, fd: this.#fd });
  }

  createWriteStream(options) {
    return fs().createWriteStream(null, { ...options, fd: this.#fd });
  }
}

async function open(path, flags, mode) {
  const [fd] = await promised(fs().open, path, flags ?? 'r', mode ?? 0o666);
  return new FileHandle(fd);
}

module.exports = { FileHandle, open };
