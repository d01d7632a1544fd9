'use strict';
// Looplab: what fs's calls share, as Node's lib/internal/fs/utils.js: checking paths, descriptors,
// modes and options with Node's errors, and the Stats and Dirent a call returns.

const { Buffer } = require('buffer');
const { toPathIfFileURL } = require('internal/url');
const { validateInt32, validateUint32, validateObject, validateAbortSignal } = require('internal/validators');

function codes() {
  return require('internal/errors').codes;
}

// A path is a string, a Buffer/Uint8Array or a file: URL, with no NUL byte in it.
function getValidatedPath(fileURLOrPath, propName = 'path') {
  const path = toPathIfFileURL(fileURLOrPath);
  if (typeof path !== 'string' && !(path instanceof Uint8Array)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)(propName, ['string', 'Buffer', 'URL'], path);
  }
  const hasNul = typeof path === 'string' ? path.includes('\u0000') : path.includes(0);
  if (hasNul) {
    throw new (codes().ERR_INVALID_ARG_VALUE)(propName, path,
      'must be a string, Uint8Array, or URL without null bytes');
  }
  return typeof path === 'string' ? path : Buffer.from(path).toString();
}

// A descriptor, or a path: readFile, writeFile and appendFile take either.
function isFd(path) {
  return typeof path === 'number';
}

function getValidatedFd(fd, propName = 'fd') {
  validateInt32(fd, propName, 0);
  return fd;
}

function assertEncoding(encoding) {
  if (encoding && !Buffer.isEncoding(encoding)) {
    throw new (codes().ERR_INVALID_ARG_VALUE)('encoding', encoding, 'is invalid encoding');
  }
}

// Options given as an encoding's name, an object, or nothing (the defaults).
function getOptions(options, defaults = {}) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    options = { ...defaults, encoding: options };
  } else if (typeof options !== 'object') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options', ['string', 'Object'], options);
  } else {
    options = { ...defaults, ...options };
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}

// A mode is a 32-bit unsigned number or an octal string ('755').
function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) {
      throw new (codes().ERR_INVALID_ARG_VALUE)(name, value,
        'must be a 32-bit unsigned integer or an octal string');
    }
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

function validateOptionsObject(options, name = 'options') {
  if (options == null) return {};
  validateObject(options, name);
  return options;
}

// Text in `encoding`, or a Buffer when it is 'buffer'.
function encode(text, encoding) {
  if (encoding === 'buffer') return Buffer.from(text);
  return encoding && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(text).toString(encoding) : text;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;
const S_IFBLK = 0o060000;
const S_IFIFO = 0o010000;
const S_IFSOCK = 0o140000;

// Times come from the simulated wall clock (Date.now's): an entry's mtime and ctime are when the
// script last changed it, or when the run began. atime follows mtime, birthtime ctime.
class Stats {
  constructor(mode, size, mtimeMs, ctimeMs) {
    this.dev = 2049;
    this.mode = mode;
    this.nlink = (mode & S_IFMT) === S_IFDIR ? 2 : 1;
    this.uid = 1000;
    this.gid = 1000;
    this.rdev = 0;
    this.blksize = 4096;
    this.ino = 1;
    this.size = size;
    this.blocks = Math.ceil(size / 4096) * 8;
    this.atimeMs = mtimeMs;
    this.mtimeMs = mtimeMs;
    this.ctimeMs = ctimeMs;
    this.birthtimeMs = ctimeMs;
    this.atime = new Date(mtimeMs);
    this.mtime = new Date(mtimeMs);
    this.ctime = new Date(ctimeMs);
    this.birthtime = new Date(ctimeMs);
  }
  isFile() { return (this.mode & S_IFMT) === S_IFREG; }
  isDirectory() { return (this.mode & S_IFMT) === S_IFDIR; }
  isSymbolicLink() { return (this.mode & S_IFMT) === S_IFLNK; }
  isFIFO() { return (this.mode & S_IFMT) === S_IFIFO; }
  isSocket() { return (this.mode & S_IFMT) === S_IFSOCK; }
  isBlockDevice() { return (this.mode & S_IFMT) === S_IFBLK; }
  isCharacterDevice() { return (this.mode & S_IFMT) === S_IFCHR; }
}

// A binding's [mode, size, mtimeMs, ctimeMs] as Stats.
function statsOf([mode, size, mtimeMs, ctimeMs]) {
  return new Stats(mode, size, mtimeMs, ctimeMs);
}

// What fs.watchFile reports for a file that is not there: every field zero.
function zeroStats() {
  const stats = new Stats(0, 0, 0, 0);
  for (const key of Object.keys(stats)) {
    if (typeof stats[key] === 'number') stats[key] = 0;
  }
  return stats;
}

const kType = Symbol('type');

class Dirent {
  constructor(name, mode, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = mode & S_IFMT;
  }
  isFile() { return this[kType] === S_IFREG; }
  isDirectory() { return this[kType] === S_IFDIR; }
  isSymbolicLink() { return this[kType] === S_IFLNK; }
  isFIFO() { return false; }
  isSocket() { return false; }
  isBlockDevice() { return false; }
  isCharacterDevice() { return false; }
}

module.exports = {
  getValidatedPath, getValidatedFd, isFd, assertEncoding, getOptions, parseFileMode,
  validateOptionsObject, encode, Stats, statsOf, zeroStats, Dirent,
  S_IFMT, S_IFREG, S_IFDIR, S_IFLNK,
};
