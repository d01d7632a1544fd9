'use strict';

// Looplab: destroying streams. destroy() runs _destroy, then 'error' (once)
// and 'close' on the next tick; errorOrDestroy is how internal failures end a
// stream (destroying it when autoDestroy is on, else only emitting 'error').

const kAfterConstruct = Symbol('kAfterConstruct');
const kConstruct = Symbol('kConstruct');

function states(stream) {
  return [stream._readableState, stream._writableState];
}

function markErrored(stream, err) {
  for (const s of states(stream)) {
    if (s && err && !s.errored) s.errored = err;
  }
}

function emitClose(stream) {
  const [r, w] = states(stream);
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) stream.emit('close');
}

function emitError(stream, err) {
  const [r, w] = states(stream);
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  stream.emit('error', err);
}

function destroy(err, cb) {
  const [r, w] = states(this);
  const s = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  markErrored(this, err);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  const run = () => {
    let called = false;
    this._destroy(err || null, (er) => {
      if (called) return;
      called = true;
      markErrored(this, er);
      if (w) w.closed = true;
      if (r) r.closed = true;
      if (typeof cb === 'function') cb(er);
      process.nextTick(() => {
        if (er) emitError(this, er);
        emitClose(this);
      });
    });
  };
  if (s && s.constructed === false) {
    // Wait for _construct to finish before tearing down.
    this[kAfterConstruct] = run;
  } else {
    run();
  }
  return this;
}

function undestroy() {
  const [r, w] = states(this);
  if (r) {
    Object.assign(r, {
      constructed: true, closed: false, closeEmitted: false, destroyed: false, errored: null,
      errorEmitted: false, reading: false, ended: r.readable === false, endEmitted: r.readable === false,
    });
  }
  if (w) {
    Object.assign(w, {
      constructed: true, destroyed: false, closed: false, closeEmitted: false, errored: null,
      errorEmitted: false, finalCalled: false, prefinished: false, ended: w.writable === false,
      ending: w.writable === false, finished: w.writable === false,
    });
  }
}

function errorOrDestroy(stream, err, sync) {
  const [r, w] = states(stream);
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    markErrored(stream, err);
    if (sync) process.nextTick(emitError, stream, err);
    else emitError(stream, err);
  }
}

// Runs _construct (if any) before the first _read/_write.
function construct(stream, done) {
  if (typeof stream._construct !== 'function') return;
  const [r, w] = states(stream);
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  // Like Node, park an internal listener until construction finishes; it
  // shows in util.inspect(stream) meanwhile.
  stream.once(kConstruct, () => {});
  process.nextTick(() => {
    let called = false;
    const onConstructed = (err) => {
      if (called) return;
      called = true;
      if (r) r.constructed = true;
      if (w) w.constructed = true;
      stream.emit(kConstruct);
      const pending = stream[kAfterConstruct];
      if (pending) {
        stream[kAfterConstruct] = undefined;
        pending();
      } else if (err) {
        errorOrDestroy(stream, err, true);
      } else {
        process.nextTick(done);
      }
    };
    try {
      stream._construct(onConstructed);
    } catch (err) {
      onConstructed(err);
    }
  });
}

// Destroys anything stream-like: streams, or objects with destroy/abort/close.
function destroyer(stream, err) {
  if (!stream || typeof stream !== 'object') return;
  if (typeof stream.destroy === 'function') stream.destroy(err);
  else if (typeof stream.abort === 'function') stream.abort();
  else if (typeof stream.close === 'function') stream.close();
}

module.exports = { destroy, undestroy, errorOrDestroy, construct, destroyer, emitClose };
