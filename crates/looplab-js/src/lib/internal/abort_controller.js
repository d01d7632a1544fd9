'use strict';

// Looplab: AbortController and AbortSignal (abort, timeout, any) on our EventTarget.

const {
  Event, EventTarget, defineEventHandler, inspectAs, kTrusted,
} = require('internal/event_target');
const { DOMException } = require('internal/dom_exception');

const codes = () => require('internal/errors').codes;
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kToken = Symbol('kToken');

class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;

  constructor(token = undefined) {
    if (token !== kToken) throw new (codes().ERR_ILLEGAL_CONSTRUCTOR)();
    super();
  }

  get aborted() { return this.#aborted; }
  get reason() { return this.#reason; }

  throwIfAborted() {
    if (this.#aborted) throw this.#reason;
  }

  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    const signal = new AbortSignal(kToken);
    signal.#aborted = true;
    signal.#reason = reason;
    return signal;
  }

  static timeout(delay) {
    if (typeof delay !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)('delay', 'number', delay);
    if (!Number.isInteger(delay)) throw new (codes().ERR_OUT_OF_RANGE)('delay', 'an integer', delay);
    if (delay < 0 || delay > 4294967295) {
      throw new (codes().ERR_OUT_OF_RANGE)('delay', '>= 0 && <= 4294967295', delay);
    }
    const signal = new AbortSignal(kToken);
    // Unref'd as in Node: a pending timeout signal alone does not keep the process alive.
    const timer = setTimeout(() => {
      abortSignal(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    timer?.unref?.();
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals)) throw new (codes().ERR_INVALID_ARG_TYPE)('signals', 'Array', signals);
    signals.forEach((s, i) => {
      if (!(s instanceof AbortSignal)) {
        throw new (codes().ERR_INVALID_ARG_TYPE)(`signals[${i}]`, 'AbortSignal', s);
      }
    });
    const result = new AbortSignal(kToken);
    const done = signals.find((s) => s.aborted);
    if (done !== undefined) {
      result.#aborted = true;
      result.#reason = done.reason;
      return result;
    }
    for (const s of signals) {
      s.addEventListener('abort', () => abortSignal(result, s.reason), { once: true });
    }
    return result;
  }

  // Past the depth limit Node hands back the object itself for plain formatting.
  [customInspect](depth, options, inspect) {
    if (depth < 0) return this;
    return inspectAs('AbortSignal', { aborted: this.#aborted }, depth, options, inspect);
  }

  static _abort(signal, reason) {
    if (signal.#aborted) return;
    signal.#aborted = true;
    signal.#reason = reason;
    signal.dispatchEvent(new Event('abort', { [kTrusted]: true }));
  }
}

const abortSignal = AbortSignal._abort;
delete AbortSignal._abort;
defineEventHandler(AbortSignal.prototype, 'abort');
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'AbortSignal', configurable: true,
});

class AbortController {
  #signal = new AbortSignal(kToken);

  get signal() { return this.#signal; }

  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal, reason);
  }

  [customInspect](depth, options, inspect) {
    if (depth < 0) return this;
    return inspectAs('AbortController', { signal: this.#signal }, depth, options, inspect);
  }
}

Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'AbortController', configurable: true,
});

const newSignal = () => new AbortSignal(kToken);

module.exports = {
  AbortController,
  AbortSignal,
  abortSignal,
  newSignal,
};
