'use strict';

// Looplab: the DOM's Event and EventTarget as Node has them (no bubbling or
// capture tree: every target is its own path). Listener errors are rethrown
// on the next tick, so dispatchEvent itself never throws them.

const {
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
} = require('internal/events/helpers');

const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
// A listener added with this option runs even after stopImmediatePropagation().
const kResistStopPropagation = Symbol('kResistStopPropagation');
const kTrusted = Symbol('kTrustEvent');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

const codes = () => require('internal/errors').codes;

function now() {
  try {
    return internalBinding('clock').now();
  } catch {
    return Date.now();
  }
}

// Prints `Name { ...fields }` the way util.inspect prints a class instance.
const shapes = new Map();
function inspectAs(name, fields, depth, options, inspect) {
  if (depth < 0) return name;
  let Shape = shapes.get(name);
  if (Shape === undefined) {
    Shape = ({ [name]: class {} })[name];
    shapes.set(name, Shape);
  }
  const o = Object.assign(new Shape(), fields);
  return inspect(o, { ...options, depth: options.depth === null ? null : depth });
}

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timeStamp = now();
  #stop = false;
  #stopImmediate = false;
  #target = null;
  #current = null;
  #dispatching = false;
  #trusted = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('type');
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'object', options);
    }
    this.#type = `${type}`;
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    if (options?.[kTrusted]) this.#trusted = true;
  }

  static isEvent(value) {
    if (value === null || typeof value !== 'object') return false;
    try {
      value.#type; // eslint-disable-line no-unused-expressions
      return true;
    } catch {
      return false;
    }
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  stopImmediatePropagation() {
    this.#stop = true;
    this.#stopImmediate = true;
  }

  preventDefault() {
    if (this.#cancelable) this.#defaultPrevented = true;
  }

  get target() { return this.#target; }
  get currentTarget() { return this.#current; }
  get srcElement() { return this.#target; }
  get type() { return this.#type; }
  get cancelable() { return this.#cancelable; }
  get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
  get timeStamp() { return this.#timeStamp; }
  composedPath() { return this.#dispatching ? [this.#current] : []; }
  get returnValue() { return !this.defaultPrevented; }
  get bubbles() { return this.#bubbles; }
  get composed() { return this.#composed; }
  get eventPhase() { return this.#dispatching ? Event.AT_TARGET : Event.NONE; }
  get cancelBubble() { return this.#stop; }
  set cancelBubble(value) { if (value) this.#stop = true; }
  stopPropagation() { this.#stop = true; }
  get isTrusted() { return this.#trusted; }

  [customInspect](depth, options, inspect) {
    const name = this.constructor?.name ?? 'Event';
    return inspectAs(name, {
      type: this.#type,
      defaultPrevented: this.defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timeStamp,
    }, depth, options, inspect);
  }

  // Dispatch bookkeeping for EventTarget (static so the private fields stay here).
  static _begin(event, target) {
    if (event.#dispatching) throw new (codes().ERR_EVENT_RECURSION)(event.#type);
    event.#dispatching = true;
    event.#target = target;
    event.#current = target;
  }
  static _end(event) {
    event.#dispatching = false;
    event.#current = null;
  }
  static _stoppedImmediately(event) { return event.#stopImmediate; }
}

const isEvent = Event.isEvent;
const { _begin: beginDispatch, _end: endDispatch, _stoppedImmediately: stoppedImmediately
} = Event;
delete Event.isEvent;
delete Event._begin;
delete Event._end;
delete Event._stoppedImmediately;

for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  const desc = { __proto__: null, value, enumerable: true };
  Object.defineProperty(Event, name, desc);
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Event', configurable: true,
});

function flattenOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null || options === undefined) return {};
  return options;
}

function validListener(listener) {
  return typeof listener === 'function' ||
    (listener !== null && typeof listener === 'object');
}

class EventTarget {
  constructor() {
    this[kEvents] = new Map();
    this[kMaxEventTargetListeners] = require('events').defaultMaxListeners;
    this[kMaxEventTargetListenersWarned] = false;
    this[kHandlers] = new Map();
  }

  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new (codes().ERR_INVALID_THIS)('EventTarget');
    if (arguments.length < 2) throw new (codes().ERR_MISSING_ARGS)('type', 'listener');
    const { once = false, capture = false, signal } = flattenOptions(options);
    const resist = !!options?.[kResistStopPropagation];
    if (listener === null || listener === undefined) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    if (!validListener(listener)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('listener', 'EventListener', listener);
    }
    if (signal?.aborted) return;
    type = typeof type === 'symbol' ? type : `${type}`;
    let list = this[kEvents].get(type);
    if (list === undefined) {
      list = [];
      this[kEvents].set(type, list);
    }
    if (list.some((r) => r.listener === listener && r.capture === !!capture)) return;
    // Node accepts `passive` but does not enforce it.
    const record = { listener, once: !!once, capture: !!capture, resist, removed: false };
    list.push(record);
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && list.length > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const w = new Error(`Possible EventTarget memory leak detected. ${list.length} ${String(type)} ` +
        `listeners added to ${String(this.constructor?.name ?? 'EventTarget')}. MaxListeners is ${max}. ` +
        'Use events.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = list.length;
      process.emitWarning(w);
    }
    if (signal !== undefined) {
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, options),
        { once: true, [kResistStopPropagation]: true });
    }
  }

  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new (codes().ERR_INVALID_THIS)('EventTarget');
    if (arguments.length < 2) throw new (codes().ERR_MISSING_ARGS)('type', 'listener');
    type = typeof type === 'symbol' ? type : `${type}`;
    const capture = !!flattenOptions(options).capture;
    const list = this[kEvents].get(type);
    if (list === undefined) return;
    const at = list.findIndex((r) => r.listener === listener && r.capture === capture);
    if (at < 0) return;
    list[at].removed = true;
    list.splice(at, 1);
    if (list.length === 0) this[kEvents].delete(type);
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new (codes().ERR_INVALID_THIS)('EventTarget');
    if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('event');
    if (!isEvent(event)) throw new (codes().ERR_INVALID_ARG_TYPE)('event', 'Event', event);
    beginDispatch(event, this);
    try {
      const list = this[kEvents].get(event.type);
      for (const record of list === undefined ? [] : list.slice()) {
        if (record.removed) continue;
        if (stoppedImmediately(event) && !record.resist) continue;
        if (record.once) this.removeEventListener(event.type, record.listener, record);
        try {
          const l = record.listener;
          if (typeof l === 'function') Reflect.apply(l, this, [event]);
          else if (typeof l.handleEvent === 'function') l.handleEvent(event);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      }
    } finally {
      endDispatch(event);
    }
    return !event.defaultPrevented;
  }

  [customInspect](depth, options, inspect) {
    const name = this.constructor?.name ?? 'EventTarget';
    return inspectAs(name, {}, depth, options, inspect);
  }
}

Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'EventTarget', configurable: true,
});

function isEventTarget(value) {
  return value !== null && typeof value === 'object' && value[kEvents] instanceof Map;
}

function listenersOf(target, type) {
  const list = target[kEvents].get(typeof type === 'symbol' ? type : `${type}`);
  return list === undefined ? [] : list.map((r) => r.listener);
}

// `on<type>` attribute handlers (AbortSignal's onabort): the handler keeps the
// listener slot it got when first set.
function defineEventHandler(proto, type) {
  Object.defineProperty(proto, `on${type}`, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() { return this[kHandlers]?.get(type)?.handler ?? null; },
    set(value) {
      const handlers = this[kHandlers];
      let slot = handlers.get(type);
      if (slot === undefined) {
        slot = { handler: null };
        slot.listener = (event) => {
          if (typeof slot.handler === 'function') return Reflect.apply(slot.handler, event.currentTarget, [event]);
          return undefined;
        };
        handlers.set(type, slot);
      }
      const fn = typeof value === 'function' || (value !== null && typeof value === 'object') ? value : null;
      if (fn !== null && slot.handler === null) this.addEventListener(type, slot.listener);
      if (fn === null && slot.handler !== null) this.removeEventListener(type, slot.listener);
      slot.handler = fn;
    },
  });
}

module.exports = {
  Event,
  EventTarget,
  isEvent,
  isEventTarget,
  listenersOf,
  defineEventHandler,
  inspectAs,
  kEvents,
  kTrusted,
  kResistStopPropagation,
};
