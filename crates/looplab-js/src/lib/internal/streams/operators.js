'use strict';

// Looplab: the experimental Readable helpers (map, filter, toArray...), run
// one value at a time; `concurrency` is accepted but not used.

const codes = () => require('internal/errors').codes;

function checkFn(fn, name = 'fn') {
  if (typeof fn !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)(name, ['Function', 'AsyncFunction'], fn);
}

function checkOptions(options) {
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'Object', options);
  }
  return options || {};
}

function throwIfAborted(signal) {
  if (signal?.aborted) throw new (require('internal/errors').AbortError)(undefined, { cause: signal.reason });
}

function streamOps(Readable) {
  const wrap = (gen) => function(...args) {
    return Readable.from(gen.call(this, ...args));
  };
  return {
    map: wrap(async function* map(fn, options) {
      checkFn(fn);
      const { signal } = checkOptions(options);
      for await (const v of this) {
        throwIfAborted(signal);
        yield await fn(v, { signal });
      }
    }),
    filter: wrap(async function* filter(fn, options) {
      checkFn(fn);
      const { signal } = checkOptions(options);
      for await (const v of this) {
        throwIfAborted(signal);
        if (await fn(v, { signal })) yield v;
      }
    }),
    flatMap: wrap(async function* flatMap(fn, options) {
      checkFn(fn);
      const { signal } = checkOptions(options);
      for await (const v of this) yield* await fn(v, { signal });
    }),
    drop: wrap(async function* drop(n, options) {
      const { signal } = checkOptions(options);
      for await (const v of this) {
        throwIfAborted(signal);
        if (n-- <= 0) yield v;
      }
    }),
    take: wrap(async function* take(n, options) {
      const { signal } = checkOptions(options);
      if (n <= 0) return;
      for await (const v of this) {
        throwIfAborted(signal);
        yield v;
        if (--n <= 0) return;
      }
    }),
    asIndexedPairs: wrap(async function* asIndexedPairs(options) {
      checkOptions(options);
      let i = 0;
      for await (const v of this) yield [i++, v];
    }),
  };
}

const promiseOps = {
  async toArray(options) {
    const { signal } = checkOptions(options);
    const out = [];
    for await (const v of this) {
      throwIfAborted(signal);
      out.push(v);
    }
    return out;
  },
  async forEach(fn, options) {
    checkFn(fn);
    const { signal } = checkOptions(options);
    for await (const v of this) await fn(v, { signal });
  },
  async some(fn, options) {
    checkFn(fn);
    const { signal } = checkOptions(options);
    for await (const v of this) if (await fn(v, { signal })) return true;
    return false;
  },
  async every(fn, options) {
    checkFn(fn);
    const { signal } = checkOptions(options);
    for await (const v of this) if (!(await fn(v, { signal }))) return false;
    return true;
  },
  async find(fn, options) {
    checkFn(fn);
    const { signal } = checkOptions(options);
    for await (const v of this) if (await fn(v, { signal })) return v;
    return undefined;
  },
  async reduce(fn, initial, options) {
    checkFn(fn, 'reducer');
    const { signal } = checkOptions(options);
    let acc = initial;
    let has = arguments.length > 1;
    for await (const v of this) {
      if (!has) {
        acc = v;
        has = true;
      } else {
        acc = await fn(acc, v, { signal });
      }
    }
    if (!has) throw new (codes().ERR_INVALID_ARGS)('Reduce of an empty stream requires an initial value');
    return acc;
  },
};

module.exports = { streamOps, promiseOps };
