'use strict';

// Looplab: stream.finished(). Calls back once a stream is done reading and/or
// writing, errored, or closed early. A stream that will emit 'close' (the
// usual autoDestroy case) is reported done at 'close', as Node does.

const codes = () => require('internal/errors').codes;

const isNodeStream = (s) => s !== null && typeof s === 'object' &&
  (s._readableState !== undefined || s._writableState !== undefined ||
   (typeof s.pipe === 'function' && typeof s.on === 'function'));
function hasReadable(s) {
  if (!s || typeof s.pipe !== 'function' || typeof s.on !== 'function') return false;
  if (!s._writableState) return true;
  return !!s._readableState && s._readableState.readable !== false;
}
function hasWritable(s) {
  if (!s || typeof s.write !== 'function' || typeof s.on !== 'function') return false;
  if (!s._readableState) return true;
  return !!s._writableState && s._writableState.writable !== false;
}

function readableDone(s) {
  const r = s._readableState;
  return !!r && r.endEmitted;
}
function writableDone(s) {
  const w = s._writableState;
  return !!w && w.finished;
}
function closedAlready(s) {
  const r = s._readableState;
  const w = s._writableState;
  return !!((r && r.closeEmitted) || (w && w.closeEmitted) || s.closed === true && !r && !w);
}
function erroredWith(s) {
  const r = s._readableState;
  const w = s._writableState;
  return (w && w.errored) || (r && r.errored) || null;
}
// An http ServerResponse always says 'close' (its connection's end or its own), so finished()
// waits for it.
function willEmitClose(s) {
  if (typeof s._sent100 === 'boolean' && typeof s.setHeader === 'function') return !s.closed;
  const r = s._readableState;
  const w = s._writableState;
  const st = w || r;
  return !!st && st.autoDestroy && st.emitClose && st.closed === false;
}

function finished(stream, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'Object', options);
  }
  if (typeof callback !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)('callback', 'Function', callback);
  if (!isNodeStream(stream)) {
    if (stream && typeof stream.then === 'function') return finishedWebLike(stream, callback);
    throw new (codes().ERR_INVALID_ARG_TYPE)('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  let called = false;
  const done = (...args) => {
    if (called) return;
    called = true;
    callback.apply(stream, args);
  };
  const readable = options.readable ?? hasReadable(stream);
  const writable = options.writable ?? hasWritable(stream);
  let waitClose = willEmitClose(stream) && hasReadable(stream) === readable && hasWritable(stream) === writable;
  let readFinished = readableDone(stream);
  let writeFinished = writableDone(stream);

  const onfinish = () => {
    writeFinished = true;
    if (stream.destroyed) waitClose = false;
    if (waitClose && (!stream.readable || readable)) return;
    if (!readable || readFinished) done();
  };
  const onend = () => {
    readFinished = true;
    if (stream.destroyed) waitClose = false;
    if (waitClose && (!stream.writable || writable)) return;
    if (!writable || writeFinished) done();
  };
  const onerror = (err) => done(err);
  const onclose = () => {
    const err = erroredWith(stream);
    if (err && typeof err !== 'boolean') return done(err);
    if (readable && !readFinished && hasReadable(stream) && !readableDone(stream)) {
      return done(new (codes().ERR_STREAM_PREMATURE_CLOSE)());
    }
    if (writable && !writeFinished && !writableDone(stream)) {
      return done(new (codes().ERR_STREAM_PREMATURE_CLOSE)());
    }
    return done();
  };
  // Legacy streams without state objects.
  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (!stream._writableState && !stream._readableState) {
    stream.on('end', onlegacyfinish);
  }
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  const r = stream._readableState;
  const w = stream._writableState;
  if (closedAlready(stream)) {
    process.nextTick(onclose);
  } else if ((w && w.errorEmitted) || (r && r.errorEmitted)) {
    if (!waitClose) process.nextTick(onclose);
  } else if (!readable && (!waitClose || stream.readable) && (writeFinished || stream.writable === false)) {
    process.nextTick(onclose);
  } else if (!writable && (!waitClose || stream.writable) && (readFinished || stream.readable === false)) {
    process.nextTick(onclose);
  }

  const cleanup = () => {
    callback = () => {};
    stream.removeListener('end', onend);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };
  if (options.signal) {
    const signal = options.signal;
    const abort = () => {
      const err = new (require('internal/errors').AbortError)(undefined, { cause: signal.reason });
      cleanup();
      callback = done;
      called = false;
      done(err);
    };
    if (signal.aborted) process.nextTick(abort);
    else signal.addEventListener('abort', abort, { once: true });
  }
  return cleanup;
}

function finishedWebLike(promise, callback) {
  promise.then(() => callback(), (err) => callback(err));
  return () => {};
}

function finishedPromise(stream, opts) {
  return new Promise((resolve, reject) => {
    finished(stream, opts, (err) => (err ? reject(err) : resolve()));
  });
}

module.exports = finished;
module.exports.finished = finishedPromise;
module.exports.isNodeStream = isNodeStream;
module.exports.hasReadable = hasReadable;
module.exports.hasWritable = hasWritable;
