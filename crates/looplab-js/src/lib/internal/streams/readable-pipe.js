'use strict';

// Looplab: Readable.prototype.pipe/unpipe. A piped source pauses when
// dest.write() returns false and resumes on the dest's 'drain'.

module.exports = function installPipe(Readable, { flow }) {
  Readable.prototype.pipe = function pipe(dest, options) {
    const src = this;
    const state = this._readableState;
    if (state.pipes.length === 1 && !state.multiAwaitDrain) {
      state.multiAwaitDrain = true;
      state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
    }
    state.pipes.push(dest);

    const endDest = (!options || options.end !== false) && dest !== process.stdout && dest !== process.stderr;
    const onend = () => dest.end();
    const endFn = endDest ? onend : unpipe;
    if (state.endEmitted) process.nextTick(endFn);
    else src.once('end', endFn);

    let ondrain = null;
    let cleanedUp = false;

    function onunpipe(readable, info) {
      if (readable === src && info && info.hasUnpiped === false) {
        info.hasUnpiped = true;
        cleanup();
      }
    }
    dest.on('unpipe', onunpipe);

    function cleanup() {
      dest.removeListener('close', onclose);
      dest.removeListener('finish', onfinish);
      if (ondrain) dest.removeListener('drain', ondrain);
      dest.removeListener('error', onerror);
      dest.removeListener('unpipe', onunpipe);
      src.removeListener('end', onend);
      src.removeListener('end', unpipe);
      src.removeListener('data', ondata);
      cleanedUp = true;
      // Nobody will drain us now: stop waiting for this dest.
      if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
    }

    function pause() {
      if (!cleanedUp) {
        if (state.pipes.length === 1 && state.pipes[0] === dest) {
          state.awaitDrainWriters = dest;
          state.multiAwaitDrain = false;
        } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
          state.awaitDrainWriters.add(dest);
        }
        src.pause();
      }
      if (!ondrain) {
        ondrain = () => {
          if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
          else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
          if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && src.listenerCount('data')) {
            src.resume();
          }
        };
        dest.on('drain', ondrain);
      }
    }

    function ondata(chunk) {
      if (dest.write(chunk) === false) pause();
    }
    src.on('data', ondata);

    function onerror(er) {
      unpipe();
      dest.removeListener('error', onerror);
      if (dest.listenerCount('error') === 0) {
        const s = dest._writableState || dest._readableState;
        if (s && !s.errorEmitted) require('internal/streams/destroy').errorOrDestroy(dest, er);
        else dest.emit('error', er);
      }
    }
    // Ahead of the user's handlers, so the pipe is undone first.
    dest.prependListener('error', onerror);

    function onclose() {
      dest.removeListener('finish', onfinish);
      unpipe();
    }
    dest.once('close', onclose);
    function onfinish() {
      dest.removeListener('close', onclose);
      unpipe();
    }
    dest.once('finish', onfinish);

    function unpipe() {
      src.unpipe(dest);
    }

    dest.emit('pipe', src);
    if (dest.writableNeedDrain === true) pause();
    else if (!state.flowing) src.resume();
    return dest;
  };

  Readable.prototype.unpipe = function unpipe(dest) {
    const state = this._readableState;
    const info = { hasUnpiped: false };
    if (state.pipes.length === 0) return this;
    if (!dest) {
      const dests = state.pipes;
      state.pipes = [];
      this.pause();
      for (const d of dests) d.emit('unpipe', this, { hasUnpiped: false });
      return this;
    }
    const at = state.pipes.indexOf(dest);
    if (at === -1) return this;
    state.pipes.splice(at, 1);
    if (state.pipes.length === 0) this.pause();
    dest.emit('unpipe', this, info);
    return this;
  };

  void flow;
};
