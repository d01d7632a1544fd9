'use strict';
// Looplab: fs.watch's FSWatcher and fs.promises.watch, as Node's lib/internal/fs/watchers.js
// builds them over an FSEvent handle (uv_fs_event_t, an inotify watch). The handle is active and
// ref'd while it watches (persistent: false unrefs it); each change it hears runs its callback in
// the poll phase, which emits 'change' (eventType, filename).

const { Buffer } = require('buffer');
const EventEmitter = require('events');
const handles = require('internal/looplab/handles');
const { uvException } = require('internal/looplab/fs_errors');
const { getValidatedPath, getOptions } = require('internal/fs/utils');
const { validateBoolean, validateObject, validateAbortSignal } = require('internal/validators');

const binding = internalBinding('fs_event_wrap');

// One uv_fs_event_t: `onchange(eventType, filename)` runs for each event the loop reads.
class FSEvent {
  constructor() {
    this.id = binding.create('fs.watch (FSEvent)');
    this.onchange = null;
    this.closed = false;
    this.encoding = 'utf8';
    handles.register(this.id, this);
  }

  // The failure's code, or undefined.
  start(path, persistent, recursive, encoding) {
    this.encoding = encoding;
    const err = binding.start(this.id, path, recursive);
    if (err === undefined && !persistent) binding.setRef(this.id, false);
    return err;
  }

  ref() { binding.setRef(this.id, true); }
  unref() { binding.setRef(this.id, false); }
  hasRef() { return binding.hasRef(this.id); }

  close() {
    if (this.closed) return;
    this.closed = true;
    binding.close(this.id);
  }

  onFsEvent(number) {
    const event = binding.take(number);
    if (event === undefined || typeof this.onchange !== 'function') return;
    const [eventType, name] = event;
    const filename = this.encoding === 'buffer' ? Buffer.from(name) :
      (this.encoding && this.encoding !== 'utf8' ? Buffer.from(name).toString(this.encoding) : name);
    this.onchange(eventType, filename);
  }

  onClose() {}
}

function watchError(code, filename) {
  const error = uvException(code, 'watch', filename);
  error.filename = filename;
  return error;
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = new FSEvent();
    this._handle.onchange = (eventType, filename) => this.emit('change', eventType, filename);
  }

  start(filename, persistent, recursive, encoding) {
    if (this._handle === null) return;
    filename = getValidatedPath(filename, 'filename');
    const err = this._handle.start(filename, persistent, recursive, encoding);
    if (err !== undefined) {
      this._handle.close();
      this._handle = null;
      throw watchError(err, filename);
    }
  }

  close() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    this._handle?.ref();
    return this;
  }

  unref() {
    this._handle?.unref();
    return this;
  }
}

function watch(filename, options, listener) {
  if (typeof options === 'function') listener = options;
  options = { ...getOptions(options) };
  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;
  validateBoolean(options.persistent, 'options.persistent');
  validateBoolean(options.recursive, 'options.recursive');
  const watcher = new FSWatcher();
  watcher.start(filename, options.persistent, options.recursive, options.encoding);
  if (listener) watcher.addListener('change', listener);
  const { signal } = options;
  if (signal) {
    if (signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return new AbortError(undefined, { cause: signal?.reason });
}

// As Node's: one event waits at a time; one that comes while the last is not yet taken replaces
// nothing and is dropped.
async function* watchPromise(filename, options = {}) {
  const path = getValidatedPath(filename);
  validateObject(options, 'options');
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  getOptions({ encoding });
  if (signal?.aborted) throw abortError(signal);
  const handle = new FSEvent();
  let deferred = withResolvers();
  const oncancel = () => {
    handle.close();
    deferred.reject(abortError(signal));
  };
  try {
    signal?.addEventListener('abort', oncancel, { once: true });
    handle.onchange = (eventType, name) => deferred.resolve({ eventType, filename: name });
    const err = handle.start(path, persistent, recursive, encoding);
    if (err !== undefined) throw watchError(err, filename);
    while (!signal?.aborted) {
      yield await deferred.promise;
      deferred = withResolvers();
    }
    throw abortError(signal);
  } finally {
    handle.close();
    signal?.removeEventListener('abort', oncancel);
  }
}

function withResolvers() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

module.exports = { FSWatcher, watch, watchPromise };
