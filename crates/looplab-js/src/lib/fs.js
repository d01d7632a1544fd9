'use strict';
// Looplab: Node's fs over the host's virtual file system. Sync calls run at once; every async call
// is a thread-pool request (readFile is open, fstat, read and close, as in Node), its result made
// when submitted and delivered when the model says the request completed.

const { Buffer } = require('buffer');
const { submit, submitOp } = require('internal/looplab/pool');
const { call, uvException } = require('internal/looplab/fs_errors');
const { stringToFlags, constants: flagConstants } = require('internal/fs/flags');
const fsb = internalBinding('fs');

function invalidArgType(name, expected, actual) {
  const { codes } = require('internal/errors');
  return new codes.ERR_INVALID_ARG_TYPE(name, expected, actual);
}

function checkCallback(cb) {
  if (typeof cb !== 'function') throw invalidArgType('cb', 'Function', cb);
  return cb;
}

function checkPath(path, name = 'path') {
  if (path instanceof URL) path = path.pathname;
  if (Buffer.isBuffer(path)) path = path.toString();
  if (typeof path !== 'string') throw invalidArgType(name, ['string', 'Buffer', 'URL'], path);
  return path;
}

function encodingOf(options, fallback) {
  if (typeof options === 'string') return options;
  if (options && typeof options === 'object' && options.encoding) return options.encoding;
  return fallback;
}

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.length);
}

function dataBytes(data, options) {
  if (typeof data === 'string') return Buffer.from(data, encodingOf(options, 'utf8'));
  if (ArrayBuffer.isView(data)) return data;
  throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

class Stats {
  constructor(isDir, size) {
    const ms = 1704067200000;
    this.dev = 2049;
    this.mode = isDir ? 0o40755 : 0o100644;
    this.nlink = 1;
    this.uid = 1000;
    this.gid = 1000;
    this.rdev = 0;
    this.blksize = 4096;
    this.ino = 1;
    this.size = size;
    this.blocks = Math.ceil(size / 512);
    this.atimeMs = ms;
    this.mtimeMs = ms;
    this.ctimeMs = ms;
    this.birthtimeMs = ms;
    this.atime = new Date(ms);
    this.mtime = new Date(ms);
    this.ctime = new Date(ms);
    this.birthtime = new Date(ms);
  }
  isFile() { return (this.mode & 0o170000) === 0o100000; }
  isDirectory() { return (this.mode & 0o170000) === 0o40000; }
  isSymbolicLink() { return false; }
  isFIFO() { return false; }
  isSocket() { return false; }
  isBlockDevice() { return false; }
  isCharacterDevice() { return false; }
}

class Dirent {
  constructor(name, isDir, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[Symbol.for('looplab.isDir')] = isDir;
  }
  isFile() { return !this[Symbol.for('looplab.isDir')]; }
  isDirectory() { return this[Symbol.for('looplab.isDir')]; }
  isSymbolicLink() { return false; }
}

// ---- synchronous forms ------------------------------------------------------------------------

// Everything from a descriptor's position on. Stdin (fd 0) is empty: Looplab gives a script no
// input (internal/looplab/stdin).
function readAllFd(fd) {
  checkFd(fd);
  if (fd === 0) return Buffer.alloc(0);
  const chunks = [];
  for (;;) {
    const chunk = call(() => fsb.readFd(fd, 64 * 1024, null), 'read');
    if (chunk.length === 0) return Buffer.concat(chunks);
    chunks.push(toBuffer(chunk));
  }
}

function readFileSync(path, options) {
  const buf = typeof path === 'number' ? readAllFd(path) :
    toBuffer(call(() => fsb.read(checkPath(path)), 'open', path));
  const enc = encodingOf(options);
  return enc ? buf.toString(enc) : buf;
}

function writeFileSync(path, data, options) {
  path = checkPath(path);
  const append = options && typeof options === 'object' && options.flag === 'a';
  call(() => fsb.write(path, dataBytes(data, options), append), 'open', path);
}

function appendFileSync(path, data, options) {
  path = checkPath(path);
  call(() => fsb.write(path, dataBytes(data, options), true), 'open', path);
}

function statSync(path, options) {
  path = checkPath(path);
  try {
    const [isDir, size] = call(() => fsb.stat(path), 'stat', path);
    return new Stats(isDir, size);
  } catch (err) {
    if (options && options.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
}

function existsSync(path) {
  try {
    fsb.stat(checkPath(path));
    return true;
  } catch {
    return false;
  }
}

function accessSync(path) {
  path = checkPath(path);
  call(() => fsb.stat(path), 'access', path);
}

function readdirSync(path, options) {
  path = checkPath(path);
  const names = call(() => fsb.readdir(path), 'scandir', path);
  if (options && typeof options === 'object' && options.withFileTypes) {
    const dir = fsb.resolve(path);
    return names.map((n) => new Dirent(n, fsb.stat(`${dir}/${n}`)[0], path));
  }
  return names;
}

function mkdirSync(path, options) {
  path = checkPath(path);
  const recursive = !!(options && typeof options === 'object' && options.recursive);
  let first;
  if (recursive) {
    // Node returns the first directory it had to create.
    let p = fsb.resolve(path);
    const missing = [];
    while (p !== '/' && !existsSync(p)) {
      missing.push(p);
      p = p.slice(0, p.lastIndexOf('/')) || '/';
    }
    first = missing.pop();
  }
  call(() => fsb.mkdir(path, recursive), 'mkdir', path);
  return first;
}

function rmdirSync(path) {
  path = checkPath(path);
  call(() => fsb.rmdir(path), 'rmdir', path);
}

function rmSync(path, options = {}) {
  path = checkPath(path);
  let st;
  try {
    st = fsb.stat(path);
  } catch (e) {
    if (options.force && e === 'ENOENT') return;
    call(() => { throw e; }, 'stat', path);
  }
  if (st[0]) {
    if (!options.recursive) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_FS_EISDIR({ code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 });
    }
    for (const name of fsb.readdir(path)) rmSync(`${fsb.resolve(path)}/${name}`, options);
    call(() => fsb.rmdir(path), 'rm', path);
  } else {
    call(() => fsb.unlink(path), 'rm', path);
  }
}

function unlinkSync(path) {
  path = checkPath(path);
  call(() => fsb.unlink(path), 'unlink', path);
}

function renameSync(from, to) {
  from = checkPath(from, 'oldPath');
  to = checkPath(to, 'newPath');
  call(() => fsb.rename(from, to), 'rename', from, to);
}

function copyFileSync(src, dest) {
  src = checkPath(src, 'src');
  dest = checkPath(dest, 'dest');
  const data = call(() => fsb.read(src), 'copyfile', src, dest);
  call(() => fsb.write(dest, data, false), 'copyfile', src, dest);
}

// ---- callback forms: the result is made now, delivered when the pool request completes ---------

function settle(fn) {
  try {
    return { value: fn() };
  } catch (error) {
    if (error && error.stack && error.syscall) {
      Object.defineProperty(error, 'stack', {
        __proto__: null, value: `Error: ${error.message}`, writable: true, configurable: true,
      });
    }
    return { error };
  }
}

function request(label, bytes, steps, fn, cb) {
  // Each step is one pool request; the result comes with the last.
  const result = settle(fn);
  const total = result.error ? 1 : steps;
  let n = 0;
  const next = () => {
    n++;
    if (n < total) {
      submit('fs', 0, label, next);
      return;
    }
    if (result.error) cb(result.error);
    else cb(null, result.value);
  };
  submit('fs', bytes, label, next);
}

// One operation on the pool (its first request), then `steps - 1` more requests as Node makes
// (readFile: open, fstat, read, close); a failure ends at the first.
// `shown` are the paths as the script gave them: Node's errors quote those, not absolute ones.
function requestOp(label, steps, op, args, syscall, convert, cb, shown = [args[0]]) {
  const resolved = args.slice();
  resolved[0] = fsb.resolve(args[0]);
  if (op === 'rename') resolved[1] = fsb.resolve(args[1]);
  submitOp(op, resolved, label, (code, value) => {
    if (code !== undefined) {
      cb(typeof code === 'string' ? uvException(code, syscall, shown[0], shown[1], true) : code);
      return;
    }
    let n = 1;
    const next = () => {
      if (n++ < steps) {
        submit('fs', 0, label, next);
        return;
      }
      let result;
      try {
        result = convert(value);
      } catch (e) {
        cb(e);
        return;
      }
      cb(null, result);
    };
    next();
  });
}

function optionsAndCallback(options, cb) {
  if (typeof options === 'function') return [undefined, options];
  return [options, checkCallback(cb)];
}

function readFile(path, options, cb) {
  [options, cb] = optionsAndCallback(options, cb);
  path = checkPath(path);
  const enc = encodingOf(options);
  requestOp('fs.readFile', 4, 'read', [path], 'open', (u8) => {
    const buf = toBuffer(u8);
    return enc ? buf.toString(enc) : buf;
  }, cb);
}

function writeFile(path, data, options, cb) {
  [options, cb] = optionsAndCallback(options, cb);
  path = checkPath(path);
  const bytes = dataBytes(data, options);
  const op = options && typeof options === 'object' && options.flag === 'a' ? 'append' : 'write';
  requestOp('fs.writeFile', 3, op, [path, bytes], 'open', () => undefined, (err) => cb(err));
}

function appendFile(path, data, options, cb) {
  [options, cb] = optionsAndCallback(options, cb);
  path = checkPath(path);
  const bytes = dataBytes(data, options);
  requestOp('fs.appendFile', 3, 'append', [path, bytes], 'open', () => undefined, (err) => cb(err));
}

// Calls whose operation runs on the pool itself (for real with --real).
function pooled(name, op, syscall, convert = (v) => v, argsOf = (p) => [p]) {
  return function (path, ...rest) {
    const cb = checkCallback(rest.pop());
    const args = argsOf(checkPath(path, name === 'rename' ? 'oldPath' : 'path'), ...rest);
    requestOp(`fs.${name}`, 1, op, args, syscall, convert, cb, args);
  };
}

function oneShot(name, syncFn) {
  return function (...args) {
    const cb = checkCallback(args[args.length - 1]);
    const callArgs = args.slice(0, -1);
    request(`fs.${name}`, 0, 1, () => syncFn(...callArgs), cb);
  };
}

const stat = pooled('stat', 'stat', 'stat', ([isDir, size]) => new Stats(isDir, size));
const rmdir = pooled('rmdir', 'rmdir', 'rmdir', () => undefined);
const unlink = pooled('unlink', 'unlink', 'unlink', () => undefined);
const access = pooled('access', 'stat', 'access', () => undefined);
const rename = pooled('rename', 'rename', 'rename', () => undefined, (from, to) => [from, checkPath(to, 'newPath')]);
// readdir with file types, mkdir's first-created path, rm and copyFile are made at submission.
const readdir = function (path, options, cb) {
  if (typeof options === 'function' || !(options && options.withFileTypes)) {
    return pooled('readdir', 'readdir', 'scandir')(path, ...(typeof options === 'function' ? [options] : [cb]));
  }
  return oneShot('readdir', readdirSync)(path, options, cb);
};
const mkdir = oneShot('mkdir', mkdirSync);
const rm = oneShot('rm', rmSync);
const copyFile = oneShot('copyFile', copyFileSync);

// ---- descriptors: open, read, write, fstat, close ---------------------------------------------

function checkFd(fd) {
  const { validateInt32 } = require('internal/validators');
  validateInt32(fd, 'fd', 0);
  return fd;
}

function checkBuffer(buffer) {
  if (!ArrayBuffer.isView(buffer)) {
    throw invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  return buffer;
}

function bytesOf(view) {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

// (buffer, offset, length, position) or (buffer, { offset, length, position }), as fs.read takes.
function readArgs(buffer, offset, length, position) {
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  offset = offset ?? 0;
  length = length ?? buffer.byteLength - offset;
  const { validateInteger } = require('internal/validators');
  validateInteger(offset, 'offset', 0);
  validateInteger(length, 'length', 0, buffer.byteLength - offset);
  if (typeof position === 'bigint') position = Number(position);
  if (position !== null && position !== undefined && position < 0) position = null;
  return [offset, length, position ?? null];
}

// A string with (position, encoding), or a buffer with (offset, length, position): the bytes
// written and the position.
function writeArgs(data, a, b, c) {
  if (typeof data === 'string') return [Buffer.from(data, typeof b === 'string' ? b : 'utf8'), a ?? null];
  checkBuffer(data);
  if (a !== null && typeof a === 'object') ({ offset: a = 0, length: b, position: c = null } = a);
  const offset = a ?? 0;
  const length = b ?? data.byteLength - offset;
  const { validateInteger } = require('internal/validators');
  validateInteger(offset, 'offset', 0);
  validateInteger(length, 'length', 0, data.byteLength - offset);
  return [bytesOf(data).subarray(offset, offset + length), c ?? null];
}

// One pool request on a descriptor; a failure is Node's error for the syscall, with no path.
function fdRequest(label, op, args, syscall, cb, path) {
  submitOp(op, args, label, (code, value) => {
    if (code !== undefined) {
      cb(typeof code === 'string' ? uvException(code, syscall, path, undefined, true) : code);
      return;
    }
    cb(null, value);
  });
}

function openSync(path, flags, mode) {
  path = checkPath(path);
  const bits = stringToFlags(flags);
  return call(() => fsb.open(path, bits, mode ?? 0o666), 'open', path);
}

function open(path, flags, mode, cb) {
  path = checkPath(path);
  if (typeof flags === 'function') [flags, cb] = ['r', flags];
  else if (typeof mode === 'function') [mode, cb] = [0o666, mode];
  checkCallback(cb);
  const bits = stringToFlags(flags);
  fdRequest('fs.open', 'open', [fsb.resolve(path), bits], 'open', cb, path);
}

function closeSync(fd) {
  checkFd(fd);
  call(() => fsb.close(fd), 'close');
}

function close(fd, cb = () => {}) {
  checkFd(fd);
  checkCallback(cb);
  fdRequest('fs.close', 'close', [fd], 'close', (err) => cb(err));
}

function readSync(fd, buffer, offset, length, position) {
  checkFd(fd);
  checkBuffer(buffer);
  [offset, length, position] = readArgs(buffer, offset, length, position);
  if (length === 0) return 0;
  const data = call(() => fsb.readFd(fd, length, position), 'read');
  bytesOf(buffer).set(data, offset);
  return data.length;
}

function read(fd, buffer, offset, length, position, cb) {
  checkFd(fd);
  if (typeof buffer === 'function') {
    cb = buffer;
    buffer = Buffer.alloc(16384);
  } else if (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer)) {
    cb = offset;
    ({ buffer = Buffer.alloc(16384), offset, length, position } = buffer);
  } else if (typeof offset === 'function') {
    cb = offset;
    offset = undefined;
  } else if (typeof length === 'function') {
    cb = length;
    length = undefined;
  }
  checkCallback(cb);
  checkBuffer(buffer);
  [offset, length, position] = readArgs(buffer, offset, length, position);
  if (length === 0) {
    process.nextTick(cb, null, 0, buffer);
    return;
  }
  fdRequest('fs.read', 'readFd', [fd, length, position], 'read', (err, data) => {
    if (err) {
      cb(err);
      return;
    }
    bytesOf(buffer).set(data, offset);
    cb(null, data.length, buffer);
  });
}

function writeSync(fd, data, a, b, c) {
  checkFd(fd);
  const [bytes, position] = writeArgs(data, a, b, c);
  return call(() => fsb.writeFd(fd, bytes, position), 'write');
}

function write(fd, data, ...rest) {
  checkFd(fd);
  const cb = checkCallback(rest.pop());
  const [bytes, position] = writeArgs(data, ...rest);
  fdRequest('fs.write', 'writeFd', [fd, bytes, position], 'write', (err, written) => {
    if (err) cb(err);
    else cb(null, written, data);
  });
}

function fstatSync(fd) {
  checkFd(fd);
  const [isDir, size] = call(() => fsb.fstat(fd), 'fstat');
  return new Stats(isDir, size);
}

function fstat(fd, options, cb) {
  checkFd(fd);
  if (typeof options === 'function') cb = options;
  checkCallback(cb);
  fdRequest('fs.fstat', 'fstat', [fd], 'fstat', (err, value) => {
    if (err) cb(err);
    else cb(null, new Stats(value[0], value[1]));
  });
}

function ftruncateSync(fd, len = 0) {
  checkFd(fd);
  call(() => fsb.ftruncate(fd, len), 'ftruncate');
}

function truncateSync(path, len = 0) {
  if (typeof path === 'number') return ftruncateSync(path, len);
  path = checkPath(path);
  call(() => fsb.truncate(path, len), 'open', path);
}

function ftruncate(fd, len, cb) {
  if (typeof len === 'function') [len, cb] = [0, len];
  checkFd(fd);
  checkCallback(cb);
  request('fs.ftruncate', 0, 1, () => ftruncateSync(fd, len), cb);
}

// As Node does it: open, ftruncate, close, each a trip to the pool.
function truncate(path, len, cb) {
  if (typeof len === 'function') [len, cb] = [0, len];
  checkCallback(cb);
  open(path, 'r+', (err, fd) => {
    if (err) {
      cb(err);
      return;
    }
    ftruncate(fd, len ?? 0, (err1) => close(fd, (err2) => cb(err1 || err2 || null)));
  });
}

const tempChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

// `prefix` and six random letters or digits, made as a directory (another name if it exists).
function mkdtempSync(prefix, options) {
  prefix = checkPath(prefix, 'prefix');
  const { randomBytes } = require('crypto');
  for (;;) {
    const suffix = Array.from(randomBytes(6), (b) => tempChars[b % tempChars.length]).join('');
    try {
      call(() => fsb.mkdir(prefix + suffix, false), 'mkdtemp', `${prefix}XXXXXX`);
      return prefix + suffix;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
  }
}

function mkdtemp(prefix, options, cb) {
  if (typeof options === 'function') cb = options;
  checkCallback(cb);
  request('fs.mkdtemp', 0, 1, () => mkdtempSync(prefix), cb);
}

function createReadStream(path, options) {
  const { ReadStream } = require('internal/fs/streams');
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  const { WriteStream } = require('internal/fs/streams');
  return new WriteStream(path, options);
}

function exists(path, cb) {
  checkCallback(cb);
  const ok = existsSync(path);
  submit('fs', 0, 'fs.exists', () => cb(ok));
}

module.exports = {
  readFileSync, writeFileSync, appendFileSync, statSync, lstatSync: statSync, existsSync,
  accessSync, readdirSync, mkdirSync, rmdirSync, rmSync, unlinkSync, renameSync, copyFileSync,
  readFile, writeFile, appendFile, stat, lstat: stat, readdir, mkdir, rmdir, rm, unlink, rename,
  copyFile, access, exists, Stats, Dirent,
  openSync, open, closeSync, close, readSync, read, writeSync, write, fstatSync, fstat,
  createReadStream, createWriteStream, truncateSync, truncate, ftruncateSync, ftruncate,
  mkdtempSync, mkdtemp,
  constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, ...flagConstants },
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
};
for (const name of ['ReadStream', 'WriteStream']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null, enumerable: true, configurable: true,
    get() { return require('internal/fs/streams')[name]; },
  });
}
Object.defineProperty(module.exports, 'promises', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return require('fs/promises'); },
});
