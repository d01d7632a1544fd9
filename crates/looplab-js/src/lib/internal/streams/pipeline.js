'use strict';

// Looplab: stream.pipeline. Each stage is a stream, an (async) iterable, or
// a function that takes the previous stage as an async iterable. Any failure
// destroys every stage; the callback runs once all stages are done.

const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');

const codes = () => require('internal/errors').codes;
const isIterable = (v, asyncOnly) => v !== null && v !== undefined &&
  (typeof v[Symbol.asyncIterator] === 'function' || (!asyncOnly && typeof v[Symbol.iterator] === 'function'));

async function* asAsyncIterable(value) {
  yield* value;
}

// Writes an iterable into a writable stream, honouring backpressure.
async function pump(iterable, writable, done, end) {
  let error = null;
  let wake = null;
  const notify = (err) => {
    if (err) error = err;
    const w = wake;
    wake = null;
    if (w) w();
  };
  const wait = () => new Promise((resolve, reject) => {
    if (error) reject(error);
    else wake = () => (error ? reject(error) : resolve());
  });
  writable.on('drain', notify);
  const cleanup = eos(writable, { readable: false }, notify);
  try {
    if (writable.writableNeedDrain) await wait();
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await wait();
    }
    if (end) {
      writable.end();
      await wait();
    }
    done();
  } catch (err) {
    done(error && error !== err ? error : err);
  } finally {
    cleanup();
    writable.off('drain', notify);
  }
}

function pipeline(...streams) {
  const callback = streams.pop();
  if (typeof callback !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('streams[stream.length - 1]', 'Function', callback);
  }
  return pipelineImpl(streams, callback);
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw new (codes().ERR_MISSING_ARGS)('streams');
  const ac = new AbortController();
  const signal = ac.signal;
  const outerSignal = opts?.signal;
  let error;
  let value;
  let pending = 0;
  let called = false;
  const destroys = [];

  const onOuterAbort = () => finishOne(new (require('internal/errors').AbortError)(undefined, { cause: outerSignal.reason }));
  outerSignal?.addEventListener('abort', onOuterAbort, { once: true });

  function finishOne(err, last) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !last) return;
    while (destroys.length) destroys.shift()(error);
    outerSignal?.removeEventListener('abort', onOuterAbort);
    ac.abort();
    if (last && !called) {
      called = true;
      process.nextTick(callback, error, value);
    }
  }
  const stageDone = (err) => finishOne(err, --pending === 0);

  // Watches one side of a stage. A middle stage is watched as the writable end
  // of one link and the readable end of the next, so (as in Node) its own
  // 'close' is not waited for.
  function watch(stream, reading, writing, onDone) {
    pending++;
    eos(stream, { readable: reading, writable: writing }, (err) => {
      // A reading stage closed after its consumer stopped is not a failure.
      if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && reading && !writing && stream._readableState?.ended) err = undefined;
      onDone(err);
    });
  }

  function track(stream, reading, writing, isSource) {
    let done = false;
    let counted = false;
    const once = (err) => {
      if (counted) return;
      counted = true;
      stageDone(err);
    };
    if (reading && writing) {
      watch(stream, false, true, stageDone);
      watch(stream, true, false, stageDone);
    } else {
      watch(stream, reading, writing, (err) => {
        done = !err;
        once(err);
      });
    }
    stream.on('close', () => { done = true; });
    // Any 'error' a stage emits fails the pipeline, even after its own end.
    stream.on('error', (err) => finishOne(err));
    destroys.push((err) => {
      if (done) return;
      done = true;
      destroyer(stream, err || new (codes().ERR_STREAM_DESTROYED)('pipe'));
      // The pipeline does not wait for a source it tore down itself.
      if (isSource && err) once();
    });
  }

  let ret;
  try {
    for (let i = 0; i < streams.length; i++) {
      const stream = streams[i];
      const reading = i < streams.length - 1;
      const writing = i > 0;
      const end = reading || opts?.end !== false;
      const isStream = eos.isNodeStream(stream);
      // The source is watched first; later stages once they are connected
      // (Node's order, visible when a stage is already closed).
      if (isStream && (end || !reading) && i === 0) track(stream, reading, writing, true);

      if (i === 0) {
        if (typeof stream === 'function') {
          ret = stream({ signal });
          if (!isIterable(ret)) throw new (codes().ERR_INVALID_RETURN_VALUE)('Iterable, AsyncIterable or Stream', 'source', ret);
        } else if (isStream || isIterable(stream)) {
          ret = stream;
        } else {
          throw new (codes().ERR_INVALID_ARG_TYPE)('source', ['Stream', 'Iterable', 'AsyncIterable', 'Function'], stream);
        }
      } else if (typeof stream === 'function') {
        const input = eos.isNodeStream(ret) || isIterable(ret, true) ? ret : asAsyncIterable(ret);
        ret = stream(input, { signal });
        if (reading) {
          if (!isIterable(ret, true)) throw new (codes().ERR_INVALID_RETURN_VALUE)('AsyncIterable', `transform[${i - 1}]`, ret);
        } else if (ret && typeof ret.then === 'function') {
          pending++;
          ret.then((val) => {
            value = val;
            process.nextTick(stageDone);
          }, (err) => process.nextTick(stageDone, err));
        } else if (isIterable(ret)) {
          pending++;
          pump(ret, new (require('internal/streams/duplex').PassThrough)({ objectMode: true }).resume(), stageDone, true);
        } else {
          throw new (codes().ERR_INVALID_RETURN_VALUE)('AsyncIterable or Promise', 'destination', ret);
        }
      } else if (isStream) {
        if (eos.isNodeStream(ret)) {
          const src = ret;
          let srcEnded = !!src._readableState?.endEmitted;
          src.once('end', () => { srcEnded = true; });
          // A destination that closes before its source ended breaks the pipeline.
          stream.on('close', () => {
            if (!srcEnded) finishOne(new (codes().ERR_STREAM_PREMATURE_CLOSE)());
          });
          src.pipe(stream, { end });
        } else {
          pending++;
          pump(ret, stream, stageDone, end);
        }
        ret = stream;
      } else {
        throw new (codes().ERR_INVALID_ARG_TYPE)('val', ['Readable', 'Iterable', 'AsyncIterable'], stream);
      }
      if (isStream && (end || !reading) && i > 0) track(stream, reading, writing, false);
    }
  } catch (err) {
    process.nextTick(finishOne, err, true);
  }
  if (signal.aborted) outerSignal?.removeEventListener('abort', onOuterAbort);
  return ret;
}

module.exports = { pipeline, pipelineImpl };
