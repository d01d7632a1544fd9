'use strict';
// Looplab: fs.watchFile and fs.unwatchFile over a StatWatcher, as Node builds them on
// uv_fs_poll_t. The handle is active and ref'd while it polls; each poll is one stat request on
// the pool. As libuv's fs-poll: the first stat only records what it saw (a failure is reported at
// once, with zeroed stats); later stats report when the result differs (size, mode, mtime or
// ctime) or the failure changes; then the internal timer waits out the rest of the interval.

const EventEmitter = require('events');
const pathModule = require('path');
const handles = require('internal/looplab/handles');
const { submitOp } = require('internal/looplab/pool');
const { errnoByName } = require('internal/util/system_errors');
const { getValidatedPath, statsOf, zeroStats } = require('internal/fs/utils');
const { validateFunction, validateUint32 } = require('internal/validators');

const binding = internalBinding('stat_watcher');
const fsb = internalBinding('fs');

const kOldStatus = Symbol('kOldStatus');
const kRefCount = Symbol('kRefCount');
const kMaxRefCount = Symbol('kMaxRefCount');

function sameStat(a, b) {
  return a.every((v, i) => v === b[i]);
}

// One uv_fs_poll_t. `onchange(status, curr, prev)`: status 0, or the negative errno of a failure.
class FsPollHandle {
  constructor() {
    this.id = binding.create('fs.watchFile (StatWatcher)');
    this.onchange = null;
    this.closed = false;
    this.busy = 0;
    this.prev = null;
    handles.register(this.id, this);
  }

  start(path, interval) {
    this.path = fsb.resolve(path);
    binding.start(this.id, interval);
    this.poll();
  }

  poll() {
    submitOp('stat', [this.path], 'fs.watchFile stat', (code, value) => {
      if (this.closed || !binding.isActive(this.id)) return;
      if (code !== undefined) {
        const errno = errnoByName.get(code) ?? -1;
        if (this.busy !== errno) {
          this.onchange?.(errno, zeroStats(), this.prev ? statsOf(this.prev) : zeroStats());
          this.busy = errno;
        }
      } else {
        if (this.busy !== 0 && (this.busy < 0 || !sameStat(this.prev, value))) {
          this.onchange?.(0, statsOf(value), this.prev ? statsOf(this.prev) : zeroStats());
        }
        this.prev = value;
        this.busy = 1;
      }
      if (!this.closed) binding.statDone(this.id);
    });
  }

  onPoll() {
    if (!this.closed) this.poll();
  }

  ref() { binding.setRef(this.id, true); }
  unref() { binding.setRef(this.id, false); }
  hasRef() { return binding.hasRef(this.id); }

  close() {
    if (this.closed) return;
    this.closed = true;
    binding.close(this.id);
  }

  onClose() {}
}

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._handle = null;
    this[kOldStatus] = -1;
    this.bigint = bigint;
    this[kRefCount] = 1;
    this[kMaxRefCount] = 1;
  }

  start(filename, persistent, interval) {
    if (this._handle !== null) return;
    this._handle = new FsPollHandle();
    this._handle.onchange = (status, curr, prev) => {
      if (this[kOldStatus] === -1 && status === -1 && curr.nlink === prev.nlink) return;
      this[kOldStatus] = status;
      this.emit('change', curr, prev);
    };
    if (!persistent) this.unref();
    this[kOldStatus] = -1;
    filename = getValidatedPath(filename, 'filename');
    validateUint32(interval, 'interval');
    this._handle.start(filename, interval);
  }

  stop() {
    if (this._handle === null) return;
    process.nextTick(() => this.emit('stop'));
    this._handle.close();
    this._handle = null;
  }

  // watchFile of a file already watched adds a reference; unwatchFile of one listener takes one.
  addOrCleanRef(operate) {
    if (operate === 'add') {
      this[kRefCount]++;
      this[kMaxRefCount]++;
    } else if (operate === 'clean') {
      this[kMaxRefCount]--;
      this.unref();
    } else {
      this[kMaxRefCount] = 0;
      this[kRefCount] = 0;
      this._handle?.unref();
    }
  }

  ref() {
    if (this[kRefCount] === this[kMaxRefCount]) return this;
    if (this._handle && this[kRefCount]++ === 0) this._handle.ref();
    return this;
  }

  unref() {
    if (this[kRefCount] === 0) return this;
    if (this._handle && --this[kRefCount] === 0) this._handle.unref();
    return this;
  }
}

const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = pathModule.resolve(getValidatedPath(filename));
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  // Node's default interval, a little over five seconds.
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');
  let stat = statWatchers.get(filename);
  if (stat === undefined) {
    stat = new StatWatcher(options.bigint);
    stat.start(filename, options.persistent, options.interval);
    statWatchers.set(filename, stat);
  } else {
    stat.addOrCleanRef('add');
  }
  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = pathModule.resolve(getValidatedPath(filename));
  const stat = statWatchers.get(filename);
  if (stat === undefined) return;
  if (typeof listener === 'function') {
    const before = stat.listenerCount('change');
    stat.removeListener('change', listener);
    if (stat.listenerCount('change') < before) stat.addOrCleanRef('clean');
  } else {
    stat.removeAllListeners('change');
    stat.addOrCleanRef('cleanAll');
  }
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

module.exports = { StatWatcher, watchFile, unwatchFile };
