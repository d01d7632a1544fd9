'use strict';

// Looplab: Node's `stream` module: the legacy Stream function carrying the
// stream classes and helpers as properties.

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { Duplex, Transform, PassThrough } = require('internal/streams/duplex');
const { pipeline } = require('internal/streams/pipeline');
const eos = require('internal/streams/end-of-stream');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const { destroyer } = require('internal/streams/destroy');
const { streamOps, promiseOps } = require('internal/streams/operators');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');
const { Buffer } = require('buffer');

for (const [name, fn] of Object.entries(streamOps(Readable))) {
  Object.defineProperty(Readable.prototype, name, { __proto__: null, value: fn, writable: true, configurable: true, enumerable: false });
}
// A listener's rejected promise (captureRejections) destroys the stream.
const kRejection = Symbol.for('nodejs.rejection');
for (const proto of [Readable.prototype, Writable.prototype]) {
  proto[kRejection] = function(err) {
    this.destroy(err);
  };
}

for (const [name, fn] of Object.entries(promiseOps)) {
  Object.defineProperty(Readable.prototype, name, { __proto__: null, value: fn, writable: true, configurable: true, enumerable: false });
}

const isDestroyed = (s) => !!(s && (s.destroyed || s._readableState?.destroyed || s._writableState?.destroyed));

Stream.isDestroyed = isDestroyed;
Stream.isDisturbed = (s) => !!(s && (s._readableState?.dataEmitted || s._readableState?.endEmitted || s._readableState?.errorEmitted));
Stream.isErrored = (s) => !!(s && (s._readableState?.errored || s._writableState?.errored || s._readableState?.errorEmitted || s._writableState?.errorEmitted));
Stream.isReadable = (s) => (eos.isNodeStream(s) ? !!s.readable && !isDestroyed(s) : null);
Stream.isWritable = (s) => (eos.isNodeStream(s) ? !!s.writable && !isDestroyed(s) : null);
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.duplexPair = function duplexPair(options) {
  const a = new Duplex(options);
  const b = new Duplex(options);
  const link = (from, to) => {
    from._write = (chunk, enc, cb) => { to.push(chunk); cb(); };
    from._final = (cb) => { to.push(null); cb(); };
    from._read = () => {};
  };
  link(a, b);
  link(b, a);
  return [a, b];
};
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = function compose(...streams) {
  throw new (require('internal/errors').codes.ERR_METHOD_NOT_IMPLEMENTED)('compose()');
};
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;
Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return require('stream/promises'); },
});
Stream.Stream = Stream;
Stream._isArrayBufferView = (v) => ArrayBuffer.isView(v);
Stream._isUint8Array = (v) => v instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

Object.defineProperty(pipeline, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  enumerable: true,
  get() { return require('stream/promises').pipeline; },
});
Object.defineProperty(eos, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  enumerable: true,
  get() { return require('stream/promises').finished; },
});

module.exports = Stream;
