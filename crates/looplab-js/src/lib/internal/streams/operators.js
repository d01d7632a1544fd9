'use strict';

// Looplab: the Readable helpers (lib/internal/streams/operators.js). Arguments are checked when
// the helper is called, not when the stream is first read. map() runs up to `concurrency`
// callbacks at once and reads up to `highWaterMark` results ahead, keeping the stream's order;
// filter, forEach, some, every and find are built on it.

const { AbortError, codes } = require('internal/errors');
const { validateAbortSignal, validateInteger, validateObject } = require('internal/validators');

const kEmpty = Symbol('kEmpty'); // a callback's result that is not passed on
const kEof = Symbol('kEof');

function checkFn(fn, name = 'fn') {
  if (typeof fn !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['Function', 'AsyncFunction'], fn);
  }
}

function checkOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options?.signal != null) validateAbortSignal(options.signal, 'options.signal');
}

function aborted(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

function map(fn, options) {
  checkFn(fn);
  checkOptions(options);
  let concurrency = 1;
  if (options?.concurrency != null) concurrency = Math.floor(options.concurrency);
  let highWaterMark = concurrency - 1;
  if (options?.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  highWaterMark += concurrency;
  const outer = options?.signal;
  return async function* mapped() {
    const { AbortSignal } = require('internal/abort_controller');
    const signal = AbortSignal.any(outer ? [outer] : []);
    const stream = this;
    const queue = []; // promises of results, in the stream's order
    const signalOpt = { signal };
    let wakeReader = null; // the consumer waits for the queue
    let wakePump = null; // the pump waits for room
    let done = false;
    let running = 0;
    const maybeResume = () => {
      if (wakePump && !done && running < concurrency && queue.length < highWaterMark) {
        wakePump();
        wakePump = null;
      }
    };
    const settled = () => {
      running--;
      maybeResume();
    };
    const failed = () => {
      done = true;
      settled();
    };
    const wake = () => {
      if (wakeReader) {
        wakeReader();
        wakeReader = null;
      }
    };
    async function pump() {
      try {
        for await (let value of stream) {
          if (done) return;
          if (signal.aborted) throw aborted(outer);
          try {
            value = Promise.resolve(fn(value, signalOpt));
          } catch (err) {
            value = Promise.reject(err);
          }
          running++;
          value.then(settled, failed);
          queue.push(value);
          wake();
          if (!done && (queue.length >= highWaterMark || running >= concurrency)) {
            await new Promise((resolve) => { wakePump = resolve; });
          }
        }
        queue.push(kEof);
      } catch (err) {
        const value = Promise.reject(err);
        value.then(settled, failed);
        queue.push(value);
      } finally {
        done = true;
        wake();
      }
    }
    pump();
    try {
      for (;;) {
        while (queue.length > 0) {
          const value = await queue[0];
          if (value === kEof) return;
          if (signal.aborted) throw aborted(outer);
          if (value !== kEmpty) yield value;
          queue.shift();
          maybeResume();
        }
        await new Promise((resolve) => { wakeReader = resolve; });
      }
    } finally {
      done = true;
      if (wakePump) {
        wakePump();
        wakePump = null;
      }
    }
  }.call(this);
}

function filter(fn, options) {
  checkFn(fn);
  async function keep(value, opts) {
    return (await fn(value, opts)) ? value : kEmpty;
  }
  return map.call(this, keep, options);
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return async function* flattened() {
    for await (const value of values) yield* value;
  }.call(this);
}

// drop() and take() count like Number(): NaN is 0, a negative count is an error.
function toIntegerOrInfinity(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw new codes.ERR_OUT_OF_RANGE('number', '>= 0', number);
  return number;
}

function drop(number, options = undefined) {
  checkOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* dropped() {
    if (options?.signal?.aborted) throw aborted(options.signal);
    for await (const value of this) {
      if (options?.signal?.aborted) throw aborted(options.signal);
      if (number-- <= 0) yield value;
    }
  }.call(this);
}

function take(number, options = undefined) {
  checkOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* taken() {
    if (options?.signal?.aborted) throw aborted(options.signal);
    for await (const value of this) {
      if (options?.signal?.aborted) throw aborted(options.signal);
      if (number-- > 0) yield value;
      // Reading one more would take a value the caller never sees.
      if (number <= 0) return;
    }
  }.call(this);
}

function asIndexedPairs(options = undefined) {
  checkOptions(options);
  return async function* indexed() {
    let index = 0;
    for await (const value of this) {
      if (options?.signal?.aborted) throw aborted(options.signal);
      yield [index++, value];
    }
  }.call(this);
}

async function toArray(options) {
  checkOptions(options);
  const out = [];
  for await (const value of this) {
    if (options?.signal?.aborted) throw aborted(options.signal);
    out.push(value);
  }
  return out;
}

async function forEach(fn, options) {
  checkFn(fn);
  async function each(value, opts) {
    await fn(value, opts);
    return kEmpty;
  }
  // eslint-disable-next-line no-unused-vars
  for await (const _ of map.call(this, each, options));
}

async function some(fn, options = undefined) {
  // eslint-disable-next-line no-unused-vars
  for await (const _ of filter.call(this, fn, options)) return true;
  return false;
}

async function every(fn, options = undefined) {
  checkFn(fn);
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const value of filter.call(this, fn, options)) return value;
  return undefined;
}

async function reduce(reducer, initialValue, options) {
  checkFn(reducer, 'reducer');
  checkOptions(options);
  let hasInitial = arguments.length > 1;
  if (options?.signal?.aborted) {
    const err = aborted(options.signal);
    this.once('error', () => {}); // the error reaches the caller as the rejection
    const eos = require('internal/streams/end-of-stream');
    await new Promise((resolve) => eos(this.destroy(err), () => resolve()));
    throw err;
  }
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  options?.signal?.addEventListener('abort', onAbort, { once: true });
  let sawAny = false;
  try {
    for await (const value of this) {
      sawAny = true;
      if (options?.signal?.aborted) throw aborted(options.signal);
      if (!hasInitial) {
        initialValue = value;
        hasInitial = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal: ac.signal });
      }
    }
    if (!sawAny && !hasInitial) {
      const err = new codes.ERR_MISSING_ARGS('reduce');
      err.message = 'Reduce of an empty stream requires an initial value';
      throw err;
    }
  } finally {
    ac.abort();
    options?.signal?.removeEventListener('abort', onAbort);
  }
  return initialValue;
}

// Readable.prototype.map etc.: a new Readable over the helper's values.
function streamOps(Readable) {
  const ops = { map, filter, flatMap, drop, take, asIndexedPairs };
  const out = {};
  for (const [name, op] of Object.entries(ops)) {
    out[name] = {
      [name](...args) {
        return Readable.from(Reflect.apply(op, this, args));
      },
    }[name];
    Object.defineProperty(out[name], 'length', { __proto__: null, value: op.length });
  }
  return out;
}

const promiseOps = { toArray, forEach, some, every, find, reduce };

module.exports = { streamOps, promiseOps };
