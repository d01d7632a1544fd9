'use strict';
// Looplab: zlib's gzip/gunzip, deflate/inflate (zlib and raw) and unzip: sync on the main
// thread, async as thread-pool requests, and as streams (internal/zlib/zlib_base).

const { Buffer } = require('buffer');
const { submit, submitOp } = require('internal/looplab/pool');
const zb = internalBinding('zlib');

function toBuf(u8) { return Buffer.from(u8.buffer, u8.byteOffset, u8.length); }

function input(data) {
  if (typeof data === 'string') return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  const { codes } = require('internal/errors');
  throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], data);
}

const { zlibError, ...classes } = require('internal/zlib/zlib_base');

function sync(op) {
  return function (data) {
    try {
      return toBuf(zb[op](input(data)));
    } catch (e) {
      if (typeof e === 'string') throw zlibError(e);
      throw e;
    }
  };
}

// Node's zlibBuffer writes the whole buffer to a zlib stream (one pool round trip, where the
// transform runs here), then ends the stream, whose Z_FINISH flush is a second round trip; the
// callback comes from the stream's 'end' or 'error' event, on nextTick.
function withPool(op) {
  return function (data, options, callback) {
    if (typeof options === 'function') callback = options;
    submitOp(op, [input(data)], `zlib.${op}: write`, (err, out) => {
      if (err !== undefined) {
        process.nextTick(callback, typeof err === 'string' ? zlibError(err) : err);
        return;
      }
      submit('zlib', 0, `zlib.${op}: flush`, () => process.nextTick(callback, null, toBuf(out)));
    });
  };
}

const streams = {};
for (const name of ['Gzip', 'Gunzip', 'Deflate', 'Inflate', 'DeflateRaw', 'InflateRaw', 'Unzip']) {
  streams[`create${name}`] = (options) => new classes[name](options);
}

module.exports = {
  ...classes,
  ...streams,
  deflateRawSync: sync('deflateRaw'),
  inflateRawSync: sync('inflateRaw'),
  deflateRaw: withPool('deflateRaw'),
  inflateRaw: withPool('inflateRaw'),
  gzipSync: sync('gzip'),
  gunzipSync: sync('gunzip'),
  deflateSync: sync('deflate'),
  inflateSync: sync('inflate'),
  gzip: withPool('gzip'),
  gunzip: withPool('gunzip'),
  deflate: withPool('deflate'),
  inflate: withPool('inflate'),
  unzipSync: sync('unzip'),
  unzip: withPool('unzip'),
  constants: { Z_NO_FLUSH: 0, Z_FINISH: 4, Z_OK: 0, Z_STREAM_END: 1, Z_DATA_ERROR: -3, Z_DEFAULT_COMPRESSION: -1 },
};
