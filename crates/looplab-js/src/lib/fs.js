'use strict';
// Looplab: Node's fs over the host's virtual file system. Sync calls run at once; every async call
// is a thread-pool request (readFile is open, fstat, read and close, as in Node), its result made
// when submitted and delivered when the model says the request completed.

const { Buffer } = require('buffer');
const { submit, submitOp } = require('internal/looplab/pool');
const { call, uvException } = require('internal/looplab/fs_errors');
const { stringToFlags, constants: flagConstants } = require('internal/fs/flags');
const fsb = internalBinding('fs');
const { customPromisifyArgs } = require('internal/util');

const {
  getValidatedPath, getValidatedFd, isFd, getOptions, parseFileMode, validateOptionsObject,
  encode, Stats, statsOf, Dirent, S_IFMT, S_IFDIR, S_IFLNK,
} = require('internal/fs/utils');

function invalidArgType(name, expected, actual) {
  const { codes } = require('internal/errors');
  return new codes.ERR_INVALID_ARG_TYPE(name, expected, actual);
}

function checkCallback(cb) {
  if (typeof cb !== 'function') throw invalidArgType('cb', 'Function', cb);
  return cb;
}

const checkPath = getValidatedPath;

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.length);
}

function dataBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return bytesOf(data);
  throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function isDirMode(mode) {
  return (mode & S_IFMT) === S_IFDIR;
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
  options = getOptions(options, { flag: 'r' });
  let buf;
  if (isFd(path)) {
    buf = readAllFd(path);
  } else if (options.flag === 'r') {
    path = checkPath(path);
    buf = toBuffer(call(() => fsb.read(path), 'open', path));
  } else {
    // Another flag may create or truncate the file first, as open(2) does.
    const fd = openSync(path, options.flag, 0o666);
    try {
      buf = readAllFd(fd);
    } finally {
      closeSync(fd);
    }
  }
  const enc = options.encoding;
  return enc && enc !== 'buffer' ? buf.toString(enc) : buf;
}

// Every byte of `bytes` through a descriptor at its own position.
function writeAllFd(fd, bytes) {
  let done = 0;
  while (done < bytes.byteLength) {
    done += writeSync(fd, bytes, done, bytes.byteLength - done, null);
  }
}

// A path is opened with the flag and mode, written and closed, as Node does; a descriptor is
// written at its position and left open.
function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = dataBytes(data, options.encoding);
  if (isFd(path)) {
    writeAllFd(path, bytes);
    return;
  }
  const fd = openSync(path, options.flag, options.mode);
  try {
    writeAllFd(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  if (!options.flag || isFd(path)) options = { ...options, flag: 'a' };
  writeFileSync(path, data, options);
}

function statResult(path, options, fn) {
  try {
    return statsOf(fn());
  } catch (err) {
    if (options && options.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
}

function statSync(path, options) {
  path = checkPath(path);
  return statResult(path, options, () => call(() => fsb.stat(path), 'stat', path));
}

function lstatSync(path, options) {
  path = checkPath(path);
  return statResult(path, options, () => call(() => fsb.lstat(path), 'lstat', path));
}

function existsSync(path) {
  try {
    fsb.stat(checkPath(path));
    return true;
  } catch {
    return false;
  }
}

function accessSync(path, mode) {
  path = checkPath(path);
  call(() => fsb.stat(path), 'access', path);
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = checkPath(path);
  const names = call(() => fsb.readdir(path), 'scandir', path);
  if (options.withFileTypes) {
    const dir = fsb.resolve(path);
    return names.map((n) => new Dirent(encode(n, options.encoding), fsb.lstat(`${dir}/${n}`)[0], path));
  }
  return names.map((n) => encode(n, options.encoding));
}

// (path, mode) or (path, { recursive, mode }); the mode defaults to 0o777 less the umask.
function mkdirArgs(path, options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) {
      const { validateBoolean } = require('internal/validators');
      validateBoolean(options.recursive, 'options.recursive');
      recursive = options.recursive;
    }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'mode');
  }
  return [checkPath(path), recursive, mode];
}

function mkdirSync(path, options) {
  let recursive;
  let mode;
  [path, recursive, mode] = mkdirArgs(path, options);
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
  call(() => fsb.mkdir(path, recursive, mode), 'mkdir', path);
  return first;
}

function rmdirSync(path) {
  path = checkPath(path);
  call(() => fsb.rmdir(path), 'rmdir', path);
}

// A link is removed itself, never followed: rm -r does not reach through it.
function rmSync(path, options) {
  path = checkPath(path);
  options = validateOptionsObject(options);
  let st;
  try {
    st = fsb.lstat(path);
  } catch (e) {
    if (options.force && e === 'ENOENT') return;
    call(() => { throw e; }, 'stat', path);
  }
  if (isDirMode(st[0])) {
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

// Reads a descriptor from its position until a read returns nothing, one pool request each.
function readAllFdAsync(fd, cb) {
  const chunks = [];
  const next = () => {
    read(fd, Buffer.allocUnsafe(64 * 1024), 0, 64 * 1024, null, (err, n, buf) => {
      if (err) return cb(err);
      if (n === 0) return cb(null, Buffer.concat(chunks));
      chunks.push(buf.subarray(0, n));
      next();
    });
  };
  next();
}

// An abort between writes stops it: a file writeFile opened is closed first.
function writeAllFdAsync(fd, bytes, cb, signal, isUserFd = true) {
  let done = 0;
  const next = () => {
    if (signal?.aborted) {
      const { AbortError } = require('internal/errors');
      const abortError = new AbortError(undefined, { cause: signal.reason });
      if (isUserFd) cb(abortError);
      else close(fd, (err) => cb(err || abortError));
      return;
    }
    if (done >= bytes.byteLength) return cb(null);
    write(fd, bytes, done, bytes.byteLength - done, null, (err, n) => {
      if (err) return cb(err);
      done += n;
      next();
    });
  };
  next();
}

function decoded(buf, enc) {
  return enc && enc !== 'buffer' ? buf.toString(enc) : buf;
}

function readFile(path, options, cb) {
  cb = checkCallback(cb || options);
  options = getOptions(options, { flag: 'r' });
  const enc = options.encoding;
  if (isFd(path)) {
    checkFd(path);
    readAllFdAsync(path, (err, buf) => (err ? cb(err) : cb(null, decoded(buf, enc))));
    return;
  }
  path = checkPath(path);
  if (options.flag !== 'r') {
    open(path, options.flag, 0o666, (err, fd) => {
      if (err) return cb(err);
      readAllFdAsync(fd, (err1, buf) => close(fd, (err2) => {
        if (err1 || err2) cb(err1 || err2);
        else cb(null, decoded(buf, enc));
      }));
    });
    return;
  }
  requestOp('fs.readFile', 4, 'read', [path], 'open', (u8) => decoded(toBuffer(u8), enc), cb);
}

// Node's own steps: open with the flag and mode, write until done, close. A descriptor is
// written at its position and left open.
function writeFile(path, data, options, cb) {
  cb = checkCallback(cb || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = dataBytes(data, options.encoding);
  if (isFd(path)) {
    checkFd(path);
    writeAllFdAsync(path, bytes, cb);
    return;
  }
  path = checkPath(path);
  const { signal } = options;
  if (signal?.aborted) {
    const { AbortError } = require('internal/errors');
    cb(new AbortError(undefined, { cause: signal.reason }));
    return;
  }
  open(path, options.flag, options.mode, (err, fd) => {
    if (err) return cb(err);
    writeAllFdAsync(fd, bytes, (err1) => {
      if (err1?.name === 'AbortError') cb(err1);
      else close(fd, (err2) => cb(err1 || err2 || null));
    }, signal, false);
  });
}

function appendFile(path, data, options, cb) {
  cb = checkCallback(cb || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  if (!options.flag || isFd(path)) options = { ...options, flag: 'a' };
  writeFile(path, data, options, cb);
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

function statCall(name, op) {
  return function (path, options, cb) {
    if (typeof options === 'function') cb = options;
    checkCallback(cb);
    path = checkPath(path);
    requestOp(`fs.${name}`, 1, op, [path], name, statsOf, cb);
  };
}

const stat = statCall('stat', 'stat');
const lstat = statCall('lstat', 'lstat');
const rmdir = pooled('rmdir', 'rmdir', 'rmdir', () => undefined);
const unlink = pooled('unlink', 'unlink', 'unlink', () => undefined);
const access = pooled('access', 'stat', 'access', () => undefined);
const rename = pooled('rename', 'rename', 'rename', () => undefined, (from, to) => [from, checkPath(to, 'newPath')]);
// readdir with file types, mkdir's first-created path, rm and copyFile are made at submission.
const readdir = function (path, options, cb) {
  cb = checkCallback(cb || options);
  options = getOptions(options);
  if (options.withFileTypes) return oneShot('readdir', readdirSync)(path, options, cb);
  path = checkPath(path);
  const { encoding } = options;
  requestOp('fs.readdir', 1, 'readdir', [path], 'scandir', (names) => names.map((n) => encode(n, encoding)), cb);
};
function mkdir(path, options, cb) {
  if (typeof options === 'function') [options, cb] = [undefined, options];
  checkCallback(cb);
  const [p, recursive, mode] = mkdirArgs(path, options);
  request('fs.mkdir', 0, 1, () => mkdirSync(p, { recursive, mode }), cb);
}
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

function rangeError(name, range, value) {
  const { codes } = require('internal/errors');
  return new codes.ERR_OUT_OF_RANGE(name, range, value);
}

// Where a read goes in the buffer, as Node checks it: an empty buffer cannot take bytes.
function checkReadRange(buffer, offset, length) {
  if (buffer.byteLength === 0) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  if (offset < 0) throw rangeError('offset', '>= 0', offset);
  if (length < 0) throw rangeError('length', '>= 0', length);
  if (offset + length > buffer.byteLength) {
    throw rangeError('length', `<= ${buffer.byteLength - offset}`, length);
  }
}

// A file position: an integer from -1 (the file's own position) or a bigint; null means -1.
function readPosition(position, length) {
  if (position == null) return null;
  if (typeof position === 'number') {
    const { validateInteger } = require('internal/validators');
    validateInteger(position, 'position', -1);
    return position === -1 ? null : position;
  }
  if (typeof position === 'bigint') {
    const max = 2n ** 63n - 1n - BigInt(length);
    if (!(position >= -1n && position <= max)) throw rangeError('position', `>= -1 && <= ${max}`, position);
    return position === -1n ? null : Number(position);
  }
  throw invalidArgType('position', ['integer', 'bigint'], position);
}

function checkOffset(offset) {
  const { validateInteger } = require('internal/validators');
  validateInteger(offset, 'offset', 0);
  return offset;
}

function checkWriteRange(offset, length, byteLength) {
  if (offset > byteLength) throw rangeError('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) throw rangeError('length', `<= ${byteLength - offset}`, length);
  if (length < 0) throw rangeError('length', '>= 0', length);
  const { validateInt32 } = require('internal/validators');
  validateInt32(length, 'length', 0);
}

function checkWriteString(data) {
  if (typeof data !== 'string') {
    throw invalidArgType('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
}

function optionsObject(value) {
  const { validateObject, kValidateObjectAllowNullable } = require('internal/validators');
  validateObject(value, 'options', kValidateObjectAllowNullable ?? 1);
  return value ?? {};
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
  mode = parseFileMode(mode, 'mode', 0o666);
  return call(() => fsb.open(path, bits, mode), 'open', path);
}

function open(path, flags, mode, cb) {
  path = checkPath(path);
  if (typeof flags === 'function') [flags, mode, cb] = ['r', 0o666, flags];
  else if (typeof mode === 'function') [mode, cb] = [0o666, mode];
  checkCallback(cb);
  const bits = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  fdRequest('fs.open', 'open', [fsb.resolve(path), bits, mode], 'open', cb, path);
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

// (fd, buffer, offset, length, position) or (fd, buffer, { offset, length, position }).
function readSync(fd, buffer, offsetOrOptions, length, position) {
  checkFd(fd);
  checkBuffer(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) optionsObject(offsetOrOptions);
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
  }
  offset = offset === undefined ? 0 : checkOffset(offset);
  length |= 0;
  if (length === 0) return 0;
  checkReadRange(buffer, offset, length);
  position = readPosition(position, length);
  const data = call(() => fsb.readFd(fd, length, position), 'read');
  bytesOf(buffer).set(data, offset);
  return data.length;
}

// Node's forms: (fd, buffer, offset, length, position, cb), (fd, buffer, options, cb),
// (fd, options, cb), (fd, buffer, cb) and (fd, cb).
function read(fd, buffer, offsetOrOptions, length, position, cb) {
  checkFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      optionsObject(offsetOrOptions);
      cb = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!ArrayBuffer.isView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? {});
      }
      cb = offsetOrOptions;
    } else {
      cb = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) optionsObject(params);
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? {});
  }
  checkBuffer(buffer);
  const { validateFunction } = require('internal/validators');
  validateFunction(cb, 'cb');
  offset = offset == null ? 0 : checkOffset(offset);
  length |= 0;
  if (length === 0) {
    process.nextTick(cb, null, 0, buffer);
    return;
  }
  checkReadRange(buffer, offset, length);
  position = readPosition(position, length);
  fdRequest('fs.read', 'readFd', [fd, length, position], 'read', (err, data) => {
    if (err) {
      cb(err);
      return;
    }
    bytesOf(buffer).set(data, offset);
    cb(null, data.length, buffer);
  });
}

// A buffer with (offset, length, position) or ({ offset, length, position }); a string with
// (position, encoding). Returns the bytes and the position (null: the file's own).
function writeBufferArgs(buffer, offset, length, position) {
  if (typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset ?? {});
  }
  offset = offset == null || typeof offset === 'function' ? 0 : checkOffset(offset);
  if (typeof length !== 'number') length = buffer.byteLength - offset;
  if (typeof position !== 'number') position = null;
  checkWriteRange(offset, length, buffer.byteLength);
  return [bytesOf(buffer).subarray(offset, offset + length), position];
}

function writeStringBytes(data, encoding) {
  checkWriteString(data);
  const { validateEncoding } = require('internal/validators');
  validateEncoding(data, encoding);
  // As the binding's ParseEncoding: what is not an encoding's name writes UTF-8.
  return Buffer.from(data, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  checkFd(fd);
  let bytes;
  if (ArrayBuffer.isView(buffer)) {
    [bytes, position] = writeBufferArgs(buffer, offsetOrOptions, length, position ?? null);
  } else {
    bytes = writeStringBytes(buffer, length);
    position = typeof offsetOrOptions === 'number' ? offsetOrOptions : null;
  }
  return call(() => fsb.writeFd(fd, bytes, position), 'write');
}

function write(fd, buffer, offsetOrOptions, length, position, cb) {
  checkFd(fd);
  const { validateFunction } = require('internal/validators');
  let bytes;
  if (ArrayBuffer.isView(buffer)) {
    cb = cb || position || length || offsetOrOptions;
    validateFunction(cb, 'cb');
    [bytes, position] = writeBufferArgs(buffer, offsetOrOptions, length, position);
  } else {
    checkWriteString(buffer);
    let encoding = length;
    if (typeof position !== 'function') {
      if (typeof offsetOrOptions === 'function') {
        position = offsetOrOptions;
        offsetOrOptions = null;
      } else {
        position = length;
      }
      encoding = 'utf8';
    }
    bytes = writeStringBytes(buffer, encoding);
    cb = position;
    validateFunction(cb, 'cb');
    position = typeof offsetOrOptions === 'number' ? offsetOrOptions : null;
  }
  fdRequest('fs.write', 'writeFd', [fd, bytes, position], 'write', (err, written) => {
    if (err) cb(err, 0, buffer);
    else cb(null, written, buffer);
  });
}

function fstatSync(fd) {
  checkFd(fd);
  return statsOf(call(() => fsb.fstat(fd), 'fstat'));
}

function fstat(fd, options, cb) {
  checkFd(fd);
  if (typeof options === 'function') cb = options;
  checkCallback(cb);
  fdRequest('fs.fstat', 'fstat', [fd], 'fstat', (err, value) => {
    if (err) cb(err);
    else cb(null, statsOf(value));
  });
}

function ftruncateSync(fd, len = 0) {
  checkFd(fd);
  call(() => fsb.ftruncate(fd, len), 'ftruncate');
}

function warnTruncateFd() {
  process.emitWarning('Using fs.truncate with a file descriptor is deprecated.' +
    ' Please use fs.ftruncate with a file descriptor instead.', 'DeprecationWarning', 'DEP0081');
}

function truncateSync(path, len = 0) {
  if (typeof path === 'number') {
    warnTruncateFd();
    return ftruncateSync(path, len);
  }
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
  if (typeof path === 'number') {
    warnTruncateFd();
    ftruncate(path, len ?? 0, cb);
    return;
  }
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
  getOptions(options);
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
  prefix = checkPath(prefix, 'prefix');
  getOptions(options);
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

// Node's exists is access(F_OK) with a yes or no; a path it cannot check is a no at once.
function exists(path, cb) {
  checkCallback(cb);
  try {
    path = checkPath(path);
  } catch {
    process.nextTick(cb, false);
    return;
  }
  requestOp('fs.exists', 1, 'stat', [path], 'access', () => true, (err) => cb(!err));
}
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null, configurable: true,
  value: (path) => new Promise((resolve) => exists(path, resolve)),
});

// ---- modes and links ----------------------------------------------------------------------------

function chmodSync(path, mode) {
  path = checkPath(path);
  mode = parseFileMode(mode, 'mode');
  call(() => fsb.chmod(path, mode), 'chmod', path);
}

function chmod(path, mode, cb) {
  path = checkPath(path);
  mode = parseFileMode(mode, 'mode');
  checkCallback(cb);
  request('fs.chmod', 0, 1, () => chmodSync(path, mode), cb);
}

function fchmodSync(fd, mode) {
  checkFd(fd);
  mode = parseFileMode(mode, 'mode');
  call(() => fsb.fchmod(fd, mode), 'fchmod');
}

function fchmod(fd, mode, cb) {
  checkFd(fd);
  mode = parseFileMode(mode, 'mode');
  checkCallback(cb);
  request('fs.fchmod', 0, 1, () => fchmodSync(fd, mode), cb);
}

// A uid or gid: an integer from -1 (leave it) to 2^32 - 1.
function checkIds(uid, gid) {
  const { validateInteger } = require('internal/validators');
  validateInteger(uid, 'uid', -1, 4294967295);
  validateInteger(gid, 'gid', -1, 4294967295);
}

function chownSync(path, uid, gid) {
  path = checkPath(path);
  checkIds(uid, gid);
  call(() => fsb.chown(path, uid, gid, true), 'chown', path);
}

function chown(path, uid, gid, cb) {
  path = checkPath(path);
  checkIds(uid, gid);
  checkCallback(cb);
  request('fs.chown', 0, 1, () => chownSync(path, uid, gid), cb);
}

function lchownSync(path, uid, gid) {
  path = checkPath(path);
  checkIds(uid, gid);
  call(() => fsb.chown(path, uid, gid, false), 'lchown', path);
}

function lchown(path, uid, gid, cb) {
  path = checkPath(path);
  checkIds(uid, gid);
  checkCallback(cb);
  request('fs.lchown', 0, 1, () => lchownSync(path, uid, gid), cb);
}

function fchownSync(fd, uid, gid) {
  checkFd(fd);
  checkIds(uid, gid);
  call(() => fsb.fchown(fd, uid, gid), 'fchown');
}

function fchown(fd, uid, gid, cb) {
  checkFd(fd);
  checkIds(uid, gid);
  checkCallback(cb);
  request('fs.fchown', 0, 1, () => fchownSync(fd, uid, gid), cb);
}

// The link's type ('file', 'dir', 'junction') matters only on Windows.
function symlinkArgs(target, path, type) {
  target = checkPath(target, 'target');
  path = checkPath(path);
  if (type != null && typeof type !== 'string') throw invalidArgType('type', 'string', type);
  return [target, path];
}

function symlinkSync(target, path, type) {
  [target, path] = symlinkArgs(target, path, type);
  call(() => fsb.symlink(target, path), 'symlink', target, path);
}

function symlink(target, path, type, cb) {
  if (typeof type === 'function') [type, cb] = [undefined, type];
  checkCallback(cb);
  [target, path] = symlinkArgs(target, path, type);
  request('fs.symlink', 0, 1, () => symlinkSync(target, path), cb);
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = checkPath(path, 'oldPath');
  return encode(call(() => fsb.readlink(path), 'readlink', path), options.encoding);
}

function readlink(path, options, cb) {
  cb = checkCallback(cb || options);
  options = getOptions(options);
  path = checkPath(path, 'oldPath');
  request('fs.readlink', 0, 1, () => readlinkSync(path, options), cb);
}

function realpathSync(path, options) {
  options = getOptions(options);
  path = checkPath(path);
  return encode(call(() => fsb.realpath(path), 'lstat', path), options.encoding);
}
realpathSync.native = function realpathSyncNative(path, options) {
  options = getOptions(options);
  path = checkPath(path);
  return encode(call(() => fsb.realpath(path), 'realpath', path), options.encoding);
};

function realpath(path, options, cb) {
  cb = checkCallback(cb || options);
  options = getOptions(options);
  path = checkPath(path);
  request('fs.realpath', 0, 1, () => realpathSync(path, options), cb);
}
realpath.native = function realpathNative(path, options, cb) {
  cb = checkCallback(cb || options);
  options = getOptions(options);
  path = checkPath(path);
  request('fs.realpath', 0, 1, () => realpathSync.native(path, options), cb);
};

// ---- fsync: the simulated file system has nothing to flush; the descriptor must be open ----------

function fsyncSync(fd) {
  checkFd(fd);
  call(() => fsb.fstat(fd), 'fsync');
}

function fsync(fd, cb) {
  checkFd(fd);
  checkCallback(cb);
  fdRequest('fs.fsync', 'fstat', [fd], 'fsync', (err) => cb(err || null));
}

function fdatasyncSync(fd) {
  checkFd(fd);
  call(() => fsb.fstat(fd), 'fdatasync');
}

function fdatasync(fd, cb) {
  checkFd(fd);
  checkCallback(cb);
  fdRequest('fs.fdatasync', 'fstat', [fd], 'fdatasync', (err) => cb(err || null));
}

const vectored = require('internal/fs/vectored');

function watch(filename, options, listener) {
  return require('internal/fs/watchers').watch(filename, options, listener);
}

function watchFile(filename, options, listener) {
  return require('internal/fs/stat_watcher').watchFile(filename, options, listener);
}

function unwatchFile(filename, listener) {
  return require('internal/fs/stat_watcher').unwatchFile(filename, listener);
}

read[customPromisifyArgs] = ['bytesRead', 'buffer'];
write[customPromisifyArgs] = ['bytesWritten', 'buffer'];

module.exports = {
  readFileSync, writeFileSync, appendFileSync, statSync, lstatSync, existsSync,
  accessSync, readdirSync, mkdirSync, rmdirSync, rmSync, unlinkSync, renameSync, copyFileSync,
  readFile, writeFile, appendFile, stat, lstat, readdir, mkdir, rmdir, rm, unlink, rename,
  chmod, chmodSync, fchmod, fchmodSync, chown, chownSync, lchown, lchownSync, fchown, fchownSync, symlink, symlinkSync, readlink, readlinkSync,
  realpath, realpathSync, fsync, fsyncSync, fdatasync, fdatasyncSync,
  watch, watchFile, unwatchFile,
  readv: vectored.readv, readvSync: vectored.readvSync,
  writev: vectored.writev, writevSync: vectored.writevSync,
  copyFile, access, exists, Stats, Dirent,
  openSync, open, closeSync, close, readSync, read, writeSync, write, fstatSync, fstat,
  createReadStream, createWriteStream, truncateSync, truncate, ftruncateSync, ftruncate,
  mkdtempSync, mkdtemp,
  constants: {
    F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, ...flagConstants,
    S_IFMT, S_IFREG: 0o100000, S_IFDIR, S_IFLNK, S_IFCHR: 0o20000, S_IFBLK: 0o60000,
    S_IFIFO: 0o10000, S_IFSOCK: 0o140000,
    S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
    S_IRWXG: 0o70, S_IRGRP: 0o40, S_IWGRP: 0o20, S_IXGRP: 0o10,
    S_IRWXO: 0o7, S_IROTH: 0o4, S_IWOTH: 0o2, S_IXOTH: 0o1,
  },
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
