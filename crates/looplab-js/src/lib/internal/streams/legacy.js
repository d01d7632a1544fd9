'use strict';

// Looplab: the old-style `Stream` base class (an EventEmitter with a simple
// pipe), which Readable and Writable inherit from as in Node.

const EventEmitter = require('events');

function Stream(opts) {
  EventEmitter.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Stream, EventEmitter);

// Pipes 'data' into dest.write(), pausing this stream while dest needs draining.
Stream.prototype.pipe = function pipe(dest, options) {
  const source = this;
  const ondata = (chunk) => {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  };
  const ondrain = () => {
    if (source.readable && source.resume) source.resume();
  };
  source.on('data', ondata);
  dest.on('drain', ondrain);
  let ended = false;
  const onend = () => {
    if (ended) return;
    ended = true;
    dest.end();
  };
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onend);
  }
  const cleanup = () => {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
    source.removeListener('end', onend);
    source.removeListener('close', onend);
  };
  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('close', cleanup);
  dest.emit('pipe', source);
  return dest;
};

// Streams may pre-shape `_events` with empty slots; list only real listeners.
Stream.prototype.eventNames = function eventNames() {
  const names = [];
  for (const key of Reflect.ownKeys(this._events || {})) {
    if (this._events[key] !== undefined) names.push(key);
  }
  return names;
};

module.exports = { Stream };
