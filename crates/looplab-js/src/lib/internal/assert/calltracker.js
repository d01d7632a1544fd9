'use strict';

// assert.CallTracker (deprecated in Node 20): counts calls of wrapped
// functions and reports those not called the expected number of times.

const AssertionError = require('internal/assert/assertion_error');
const { validateUint32 } = require('internal/validators');

const noop = () => {};

class CallTracker {
  #calls = [];

  constructor() {
    process.emitWarning('assert.CallTracker is deprecated.', 'DeprecationWarning', 'DEP0173');
  }

  calls(fn, exact = 1) {
    if (typeof fn === 'number') {
      exact = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(exact, 'exact', true);
    const record = { fn, exact, actual: 0, name: fn.name || 'calls', calls: [] };
    this.#calls.push(record);
    return function tracked(...args) {
      record.actual++;
      record.calls.push({ thisArg: this, arguments: args });
      return Reflect.apply(fn, this, args);
    };
  }

  report() {
    return this.#calls.filter((c) => c.actual !== c.exact).map((c) => ({
      message: `Expected the ${c.name} function to be executed ${c.exact} time(s) but was ` +
        `executed ${c.actual} time(s).`,
      actual: c.actual,
      expected: c.exact,
      operator: c.name,
      stack: new Error().stack,
    }));
  }

  reset(fn) {
    for (const c of this.#calls) {
      if (fn === undefined || c.fn === fn) {
        c.actual = 0;
        c.calls = [];
      }
    }
  }

  verify() {
    const failures = this.report();
    if (failures.length === 0) return;
    const message = failures.length === 1 ? failures[0].message :
      'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: failures });
  }
}

module.exports = CallTracker;
