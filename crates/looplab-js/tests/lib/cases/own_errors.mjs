// Node's error codes and argument validators, ours vs node's internals (the
// harness runs node with --expose-internals): name, code, message, stack
// header and own keys of each error.
import { runBoth } from '../scenario.mjs';
import { runsOwnCases } from './own_gate.mjs';

export const SCENARIOS = {
  validators(require, log) {
    const v = require('internal/validators');
    const calls = [
      () => v.validateInteger(1.5, 'n'), () => v.validateInteger('1', 'n'), () => v.validateInteger(2 ** 60, 'n'),
      () => v.validateNumber(5, 'n', 0, 3), () => v.validateNumber(NaN, 'n', 0, 3), () => v.validateNumber(-5, 'n', 0),
      () => v.validateNumber(9, 'n', undefined, 3), () => v.validateInt32(1.5, 'n'), () => v.validateInt32(2 ** 40, 'n'),
      () => v.validateUint32(-1, 'n'), () => v.validateUint32(0, 'n', true), () => v.validateOneOf('x', 'mode', ['a', 'b', 1]),
      () => v.validateObject(null, 'o'), () => v.validateObject([], 'o'), () => v.validateObject(() => {}, 'o'),
      () => v.validateObject(null, 'o', v.kValidateObjectAllowNullable), () => v.validateArray({}, 'a'),
      () => v.validateArray([], 'a', 1), () => v.validateAbortSignal({}, 'signal'), () => v.validateBuffer(1),
      () => v.validatePort(70000), () => v.validatePort('a', 'p'), () => v.validatePort(0, 'p', false),
      () => v.validateStringArray([1], 's'), () => v.validateBooleanArray([true, 1], 'b'),
      () => v.validateUnion(1, 'u', ['a', 'b']), () => v.validateSignalName('SIGX'), () => v.validateDictionary(1, 'd'),
      () => v.validateUndefined(1, 'd'), () => v.validateFunction(1, 'f'), () => v.validateBoolean(1, 'b'),
      () => v.validateString(1, 's'), () => v.validateString(Symbol('q'), 's'), () => v.validateString({}, 'opts.name'),
      () => v.validateString(Object.create(null), 's'), () => v.validateString(function named() {}, 's'),
      () => v.validateString(() => {}, 's'), () => v.validateString('x'.repeat(40), 's') ?? v.validateNumber('x'.repeat(40), 'n'),
      () => v.validateInteger(2 ** 53, 'big'), () => v.validateEncoding('abc', 'hex'),
    ];
    for (const call of calls) {
      try {
        call();
        log('ok');
      } catch (e) {
        log(e.name, e.code, e.message, Object.keys(e), String(e.stack).split('\n')[0]);
      }
    }
  },
  codes(require, log) {
    const { codes, AbortError, aggregateTwoErrors } = require('internal/errors');
    const make = [
      () => new codes.ERR_INVALID_ARG_TYPE('name', ['string', 'Buffer', 'URL'], 5),
      () => new codes.ERR_INVALID_ARG_TYPE('name', ['string', 'number', 'boolean', 'Object'], null),
      () => new codes.ERR_INVALID_ARG_TYPE('options.x', ['Function', 'null'], 1n),
      () => new codes.ERR_INVALID_ARG_TYPE('first argument', 'string', undefined),
      () => new codes.ERR_INVALID_ARG_TYPE('x', ['a', 'b', 'c'], []),
      () => new codes.ERR_INVALID_ARG_VALUE('encoding', 'bad'), () => new codes.ERR_INVALID_ARG_VALUE('opts.mode', { a: 1 }, 'is not valid'),
      () => new codes.ERR_INVALID_ARG_VALUE.RangeError('size', -1), () => new codes.ERR_OUT_OF_RANGE('offset', '>= 0 && <= 3', 10),
      () => new codes.ERR_OUT_OF_RANGE('big', 'an integer', 2n ** 40n), () => new codes.ERR_OUT_OF_RANGE('big', 'an integer', 2 ** 40),
      () => new codes.ERR_OUT_OF_RANGE('custom text.', 'x', 1, true), () => new codes.ERR_MISSING_ARGS('a'),
      () => new codes.ERR_MISSING_ARGS('a', 'b', 'c'), () => new codes.ERR_MISSING_ARGS(['a', 'b'], 'c'),
      () => new codes.ERR_UNHANDLED_ERROR(), () => new codes.ERR_UNHANDLED_ERROR("'str'"),
      () => new codes.ERR_INVALID_RETURN_VALUE('instance of Promise', 'fn', { a: 1 }), () => new codes.ERR_METHOD_NOT_IMPLEMENTED('_read()'),
      () => new codes.ERR_STREAM_PREMATURE_CLOSE(), () => new codes.ERR_STREAM_DESTROYED('write'), () => new codes.ERR_STREAM_NULL_VALUES(),
      () => new codes.ERR_STREAM_PUSH_AFTER_EOF(), () => new codes.ERR_STREAM_WRITE_AFTER_END(), () => new codes.ERR_STREAM_ALREADY_FINISHED('end'),
      () => new codes.ERR_STREAM_CANNOT_PIPE(), () => new codes.ERR_STREAM_UNSHIFT_AFTER_END_EVENT(), () => new codes.ERR_MULTIPLE_CALLBACK(),
      () => new codes.ERR_INVALID_THIS('URL'), () => new codes.ERR_ILLEGAL_CONSTRUCTOR(), () => new codes.ERR_UNKNOWN_ENCODING('utf9'),
      () => new codes.ERR_INVALID_URL('http://[', 'base'), () => new codes.ERR_INVALID_URL_SCHEME('file'), () => new codes.ERR_FALSY_VALUE_REJECTION(0),
      () => new codes.ERR_BUFFER_OUT_OF_BOUNDS(), () => new codes.ERR_BUFFER_OUT_OF_BOUNDS('offset'), () => new codes.ERR_INVALID_STATE('closed'),
      () => new codes.ERR_INVALID_STATE.TypeError('closed'), () => new codes.ERR_ENCODING_NOT_SUPPORTED('klingon'), () => new codes.ERR_INVALID_URI(),
      () => new codes.ERR_EVENT_RECURSION('ping'), () => new codes.ERR_UNKNOWN_SIGNAL('SIGX'), () => new codes.ERR_AMBIGUOUS_ARGUMENT('a', 'b'),
      () => new AbortError(), () => new AbortError('stop', { cause: 'why' }),
    ];
    for (const m of make) {
      const e = m();
      log(e.name, e.code, e.message, Object.keys(e), String(e.stack).split('\n')[0], String(e), e instanceof Error);
    }
    const a = new Error('a');
    const b = new Error('b');
    const both = aggregateTwoErrors(a, b);
    log(both.name, both.message, both.errors.length, aggregateTwoErrors(a, null) === a, aggregateTwoErrors(null, b) === b);
  },
};

export default async function (t) {
  if (!runsOwnCases()) return;
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(t.realm, fn);
    const o = ours.split('\n');
    const th = theirs.split('\n');
    for (let i = 0; i < Math.max(o.length, th.length); i++) t.check(`own errors: ${name} #${i}`, o[i], th[i]);
  }
}
