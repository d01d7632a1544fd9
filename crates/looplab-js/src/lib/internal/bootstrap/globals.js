'use strict';

// Looplab: installs the globals Node defines from its JavaScript built-ins. The
// host requires this once, before the user's script (internal/looplab/bootstrap);
// `process`, the timer functions and `queueMicrotask` are the host's own. Each
// global is a lazy property, as in Node, so a script that never touches URL never
// loads the url module.

// A lazy global keeps its accessor for good: Boa caches global lookups per call
// site, and a getter that turned itself into a data property would leave the
// cached slot stale.
function defineLazy(name, load, enumerable = false) {
  if (Object.prototype.hasOwnProperty.call(globalThis, name)) return;
  let loaded = false;
  let value;
  Object.defineProperty(globalThis, name, {
    __proto__: null,
    configurable: true,
    enumerable,
    get() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
    set(v) {
      value = v;
      loaded = true;
    },
  });
}

const lazy = (id, key) => () => require(id)[key];

defineLazy('console', () => require('console'));
defineLazy('Buffer', lazy('buffer', 'Buffer'));
defineLazy('atob', lazy('buffer', 'atob'));
defineLazy('btoa', lazy('buffer', 'btoa'));
defineLazy('URL', lazy('internal/url', 'URL'));
defineLazy('URLSearchParams', lazy('internal/url', 'URLSearchParams'));
defineLazy('TextEncoder', lazy('internal/encoding', 'TextEncoder'));
defineLazy('TextDecoder', lazy('internal/encoding', 'TextDecoder'));
defineLazy('AbortController', lazy('internal/abort_controller', 'AbortController'));
defineLazy('AbortSignal', lazy('internal/abort_controller', 'AbortSignal'));
defineLazy('EventTarget', lazy('internal/event_target', 'EventTarget'));
defineLazy('Event', lazy('internal/event_target', 'Event'));
defineLazy('DOMException', lazy('internal/dom_exception', 'DOMException'));
// Node makes these two enumerable.
defineLazy('structuredClone', lazy('internal/structured_clone', 'structuredClone'), true);
defineLazy('performance', lazy('perf_hooks', 'performance'), true);
