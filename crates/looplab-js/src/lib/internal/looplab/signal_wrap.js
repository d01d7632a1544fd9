'use strict';
// Looplab: Node's signal wrap (src/signal_wrap.cc) over internalBinding('signal'): one object per
// uv_signal_t. When the poll phase reads its signal from the signal pipe, `onsignal(signum)` runs.

const handles = require('internal/looplab/handles');

const signal = internalBinding('signal');

class Signal {
  constructor(label) {
    this.id = signal.create(label);
    this.onsignal = null;
    this.closed = false;
    handles.register(this.id, this);
  }

  // 0, or a negative errno (EINVAL for SIGKILL and SIGSTOP).
  start(signum) {
    return signal.start(this.id, signum);
  }

  ref() { signal.setRef(this.id, true); }
  unref() { signal.setRef(this.id, false); }
  hasRef() { return signal.hasRef(this.id); }

  close() {
    if (this.closed) return;
    this.closed = true;
    signal.close(this.id);
  }

  onSignal(signum) {
    if (typeof this.onsignal === 'function') this.onsignal(signum);
  }

  onClose() {}
}

module.exports = { Signal };
