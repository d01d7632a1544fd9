'use strict';

// Looplab: Readable's async iteration and its state getters.

module.exports = function installIteration(Readable) {
  const proto = Readable.prototype;

  async function* iterate(stream, options) {
    const finished = require('internal/streams/end-of-stream');
    const { destroyer } = require('internal/streams/destroy');
    let wake = null;
    const notify = () => {
      const w = wake;
      wake = null;
      if (w) w();
    };
    stream.on('readable', notify);
    // undefined while running, null after a clean end, else the error.
    let error;
    const stop = finished(stream, { writable: false }, (err) => {
      error = err || null;
      notify();
    });
    try {
      while (true) {
        const chunk = stream.destroyed ? null : stream.read();
        if (chunk !== null) yield chunk;
        else if (error) throw error;
        else if (error === null) return;
        else await new Promise((resolve) => { wake = resolve; });
      }
    } catch (err) {
      error = error || err;
      throw error;
    } finally {
      if ((error || options?.destroyOnReturn !== false) &&
          (error === undefined || stream._readableState.autoDestroy)) {
        destroyer(stream, null);
      } else {
        stream.off('readable', notify);
        stop();
      }
    }
  }

  proto[Symbol.asyncIterator] = function() {
    return iterate(this);
  };
  proto.iterator = function(options) {
    return iterate(this, options);
  };

  const getters = {
    readable: {
      get() {
        const r = this._readableState;
        return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
      },
      set(v) {
        if (this._readableState) this._readableState.readable = !!v;
      },
    },
    readableDidRead: { get() { return this._readableState.dataEmitted; } },
    readableAborted: {
      get() {
        const r = this._readableState;
        return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
      },
    },
    readableHighWaterMark: { get() { return this._readableState.highWaterMark; } },
    readableBuffer: { get() { return this._readableState?.buffer; } },
    readableFlowing: {
      get() { return this._readableState.flowing; },
      set(v) { if (this._readableState) this._readableState.flowing = v; },
    },
    readableLength: { get() { return this._readableState.length; } },
    readableObjectMode: { get() { return this._readableState ? this._readableState.objectMode : false; } },
    readableEncoding: { get() { return this._readableState ? this._readableState.encoding : null; } },
    errored: { get() { return this._readableState ? this._readableState.errored : null; } },
    closed: { get() { return this._readableState ? this._readableState.closed : false; } },
    destroyed: {
      get() { return this._readableState ? this._readableState.destroyed : false; },
      set(v) { if (this._readableState) this._readableState.destroyed = v; },
    },
    readableEnded: { get() { return this._readableState ? this._readableState.endEmitted : false; } },
  };
  for (const [name, desc] of Object.entries(getters)) {
    Object.defineProperty(proto, name, { __proto__: null, enumerable: false, configurable: true, ...desc });
  }
};
