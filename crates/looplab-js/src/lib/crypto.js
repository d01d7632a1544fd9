'use strict';
// Looplab: Node's crypto for hashing, HMAC, key derivation and random values. Results are real
// (RustCrypto); randomness is seeded per run so a run can be replayed; the async forms are
// thread-pool requests whose cost grows with the work.

const { Buffer } = require('buffer');
const { submitOp } = require('internal/looplab/pool');
const cb = internalBinding('crypto');

const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
// PBKDF2's cost relative to SHA-512 (the cost model's unit).
function errors() { return require('internal/errors').codes; }

function toBuf(u8) { return Buffer.from(u8.buffer, u8.byteOffset, u8.length); }

function bytesOf(data, encoding, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new (errors().ERR_INVALID_ARG_TYPE)(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function output(buf, encoding) {
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function checkAlgorithm(algorithm) {
  const alg = String(algorithm).toLowerCase().replace(/^rsa-/, '');
  if (!HASHES.includes(alg)) throw new Error('Digest method not supported');
  return alg;
}

class Hash {
  constructor(algorithm, key) {
    this._alg = checkAlgorithm(algorithm);
    this._key = key;
    this._chunks = [];
    this._done = false;
  }
  update(data, encoding) {
    if (this._done) throw new (errors().ERR_CRYPTO_HASH_FINALIZED)();
    this._chunks.push(Buffer.from(bytesOf(data, encoding)));
    return this;
  }
  digest(encoding) {
    if (this._done) throw new (errors().ERR_CRYPTO_HASH_FINALIZED)();
    this._done = true;
    const data = Buffer.concat(this._chunks);
    const raw = this._key === undefined ? cb.hash(this._alg, data) : cb.hmac(this._alg, this._key, data);
    return output(toBuf(raw), encoding);
  }
  copy() {
    const h = new Hash(this._alg, this._key);
    h._chunks = this._chunks.slice();
    return h;
  }
}

function createHash(algorithm) { return new Hash(algorithm); }
function createHmac(algorithm, key) { return new Hash(algorithm, bytesOf(key, undefined, 'key')); }
function hash(algorithm, data, encoding = 'hex') { return createHash(algorithm).update(data).digest(encoding); }

function randomBytes(size, callback) {
  if (typeof size !== 'number' || size < 0 || size > 2 ** 31 - 1) {
    throw new (errors().ERR_OUT_OF_RANGE)('size', `>= 0 && <= ${2 ** 31 - 1}`, size);
  }
  if (typeof callback !== 'function') return toBuf(cb.randomBytes(size));
  // The bytes are made on a pool thread (RAND_bytes in uv_queue_work in Node).
  submitOp('randomBytes', [size], 'crypto.randomBytes', (err, bytes) => callback(null, toBuf(bytes)));
  return undefined;
}

function randomFillSync(buf, offset = 0, size = buf.byteLength - offset) {
  const bytes = cb.randomBytes(size);
  new Uint8Array(buf.buffer ?? buf, (buf.byteOffset ?? 0) + offset, size).set(bytes);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') { callback = offset; offset = 0; size = undefined; }
  if (typeof size === 'function') { callback = size; size = undefined; }
  offset ??= 0;
  size ??= buf.byteLength - offset;
  submitOp('randomBytes', [size], 'crypto.randomFill', (err, bytes) => {
    new Uint8Array(buf.buffer ?? buf, (buf.byteOffset ?? 0) + offset, size).set(bytes);
    callback(null, buf);
  });
}

function randomUUID() {
  const b = cb.randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = toBuf(b).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') { callback = max; max = min; min = 0; }
  const range = max - min;
  const b = cb.randomBytes(6);
  const x = b.reduce((acc, v) => acc * 256 + v, 0);
  const n = min + (x % range);
  if (typeof callback !== 'function') return n;
  process.nextTick(callback, null, n);
  return undefined;
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const alg = checkAlgorithm(digest);
  return toBuf(cb.pbkdf2(bytesOf(password, undefined, 'password'), bytesOf(salt, undefined, 'salt'), iterations, keylen, alg));
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof callback !== 'function') throw new (errors().ERR_INVALID_ARG_TYPE)('callback', 'Function', callback);
  const alg = checkAlgorithm(digest);
  const args = [bytesOf(password, undefined, 'password'), bytesOf(salt, undefined, 'salt'), iterations, keylen, alg];
  // The key is derived on the pool (on a real thread with --real).
  submitOp('pbkdf2', args, 'crypto.pbkdf2', (err, key) => (err ? callback(new Error(err)) : callback(null, toBuf(key))));
}

function scryptParams(options = {}) {
  const N = options.N ?? options.cost ?? 16384;
  const r = options.r ?? options.blockSize ?? 8;
  const p = options.p ?? options.parallelization ?? 1;
  return { N, r, p };
}

function scryptSync(password, salt, keylen, options) {
  const { N, r, p } = scryptParams(options);
  return toBuf(cb.scrypt(bytesOf(password, undefined, 'password'), bytesOf(salt, undefined, 'salt'), keylen, N, r, p));
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  const { N, r, p } = scryptParams(options);
  // Node rejects bad parameters before queueing any work: the sync form throws the same error.
  if (!(N > 1 && (N & (N - 1)) === 0)) scryptSync(password, salt, keylen, options);
  const args = [bytesOf(password, undefined, 'password'), bytesOf(salt, undefined, 'salt'), keylen, N, r, p];
  submitOp('scrypt', args, 'crypto.scrypt', (err, key) => (err ? callback(new RangeError(err)) : callback(null, toBuf(key))));
}

function timingSafeEqual(a, b) {
  if (a.byteLength !== b.byteLength) {
    throw new RangeError('Input buffers must have the same byte length');
  }
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

const { callableWithoutNew } = require('internal/util');
const HashFunction = callableWithoutNew(Hash);

module.exports = {
  createHash, createHmac, hash, randomBytes, randomFill, randomFillSync, randomUUID, randomInt,
  pbkdf2, pbkdf2Sync, scrypt, scryptSync, timingSafeEqual, Hash: HashFunction, Hmac: HashFunction,
  getHashes: () => ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'],
  webcrypto: { getRandomValues: (a) => randomFillSync(a) },
  getRandomValues: (a) => randomFillSync(a),
};
