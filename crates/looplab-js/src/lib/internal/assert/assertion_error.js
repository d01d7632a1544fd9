'use strict';

// AssertionError: the error every failed assertion throws. Its message is
// built from the operator: a line diff for the strict comparisons, a
// `value op value` sentence for the loose ones.

const { inspect } = require('internal/util/inspect');
const { validateObject } = require('internal/validators');
const { createErrDiff, inspectForDiff, headers } = require('internal/assert/diff');

const kMaxInputLength = 512;

const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 3)}...` : text);

// The first lines of a long inspected value, for the "not equal" messages.
function shortenLines(text) {
  const lines = text.split('\n');
  return lines.length > 50 ? [...lines.slice(0, 46), '...'] : lines;
}

function generatedMessage(actual, expected, operator) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return createErrDiff(actual, expected, operator);
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    let header = headers[operator];
    if (operator === 'notStrictEqual' &&
        ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
      header = headers.notStrictEqualObject;
    }
    const lines = shortenLines(inspectForDiff(actual));
    if (lines.length === 1) return `${header}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
    return `${header}\n\n${lines.join('\n')}\n`;
  }
  let actualText = inspectForDiff(actual);
  let expectedText = inspectForDiff(expected);
  if (operator === 'notDeepEqual' && actualText === expectedText) {
    return clip(`${headers.notDeepEqual}\n\n${actualText}`, 1024);
  }
  actualText = clip(actualText, kMaxInputLength);
  expectedText = clip(expectedText, kMaxInputLength);
  if (operator === 'deepEqual') {
    return `${headers.deepEqual}\n\n${actualText}\n\nshould loosely deep-equal\n\n${expectedText}`;
  }
  if (operator === 'notDeepEqual') {
    return `${headers.notDeepEqualUnequal}\n\n${actualText}\n\nshould not loosely deep-equal\n\n${expectedText}`;
  }
  // `==`, `!=`, and anything a caller made up.
  return `${actualText} ${operator} ${expectedText}`;
}

// Errors appear in messages as `[Error: message]` plus their own
// properties: a stackless copy keeps frames out of the diff.
function withoutStack(value) {
  if (!(value instanceof Error)) return value;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(value)), value);
  Object.defineProperty(copy, 'message', { value: value.message, enumerable: false, writable: true, configurable: true });
  if ('cause' in value) {
    Object.defineProperty(copy, 'cause', { value: withoutStack(value.cause), enumerable: false, writable: true, configurable: true });
  }
  return copy;
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, 'options');
    const { message, operator, stackStartFn, details, actual, expected } = options;
    const shownActual = withoutStack(actual);
    const shownExpected = withoutStack(expected);
    let text;
    if (message != null) {
      // A user's message leads the diff for the strict comparisons.
      text = operator === 'deepStrictEqual' || operator === 'strictEqual' ?
        createErrDiff(shownActual, shownExpected, operator, message) : String(message);
    } else {
      text = generatedMessage(shownActual, shownExpected, operator);
    }
    super(text);
    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', {
      value: 'AssertionError', enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    // A CallTracker report (details) has no single actual/expected pair.
    if (!details) {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, stackStartFn || AssertionError);
    }
    // The stack's first line carries the code, as for Node's own errors.
    const stack = this.stack;
    if (typeof stack === 'string' && stack.startsWith('AssertionError')) {
      const rest = stack.slice('AssertionError'.length);
      Object.defineProperty(this, 'stack', {
        value: `AssertionError [ERR_ASSERTION]${rest}`, writable: true, enumerable: false, configurable: true,
      });
    }
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  // Long string operands are cut to 128 characters while inspecting.
  [inspect.custom](recurseTimes, ctx) {
    const saved = { actual: this.actual, expected: this.expected };
    for (const key of ['actual', 'expected']) {
      if (typeof this[key] === 'string') this[key] = clip(this[key], 128 + 3);
    }
    try {
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = saved.actual;
      this.expected = saved.expected;
    }
  }
}

module.exports = AssertionError;
