'use strict';

// The message of each Node error code Looplab's modules raise. A string is a
// util.format template; a function builds the text (and may set fields on
// the error, its `this`).

const {
  determineSpecificType, invalidArgTypeMessage, outOfRangeMessage, lazyInspect,
} = require('internal/errors/describe');

module.exports = function register(E, SystemError) {
  E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
  E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
  E('ERR_ASSERTION', '%s', Error);
  E('ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter', RangeError);
  E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => (name ?
    `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds'), RangeError);
  E('ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', RangeError);
  E('ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for %s', TypeError);
  E('ERR_ENCODING_INVALID_ENCODED_DATA', function(encoding, ret) {
    this.errno = ret;
    return `The encoded data was not valid for encoding ${encoding}`;
  }, TypeError);
  E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
  E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
  E('ERR_FALSY_VALUE_REJECTION', function(reason) {
    this.reason = reason;
    return 'Promise was rejected with falsy value';
  }, Error);
  E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
  E('ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "%s" cannot be used in combination with option "%s"', TypeError);
  E('ERR_INTERNAL_ASSERTION', (message) => {
    const suffix = 'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
      'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
    return message === undefined ? suffix : `${message}\n${suffix}`;
  }, Error);
  E('ERR_INVALID_ARG_TYPE', invalidArgTypeMessage, TypeError);
  E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
    let inspected = lazyInspect()(value);
    if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
    const type = name.includes('.') ? 'property' : 'argument';
    return `The ${type} '${name}' ${reason}. Received ${inspected}`;
  }, TypeError, RangeError);
  E('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', RangeError);
  E('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', TypeError);
  E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
  E('ERR_INVALID_RETURN_VALUE', (input, name, value) =>
    `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`,
  TypeError, RangeError);
  E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
  E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
  E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
  E('ERR_INVALID_URI', 'URI malformed', URIError);
  E('ERR_INVALID_URL', function(input, base = null) {
    this.input = input;
    if (base != null) this.base = base;
    return 'Invalid URL';
  }, TypeError);
  E('ERR_INVALID_URL_SCHEME', (expected) => {
    if (typeof expected === 'string') expected = [expected];
    const res = expected.length === 2 ? `one of scheme ${expected[0]} or ${expected[1]}` : `of scheme ${expected[0]}`;
    return `The URL must be ${res}`;
  }, TypeError);
  E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
  E('ERR_MISSING_ARGS', (...args) => {
    const wrap = (a) => `"${a}"`;
    const names = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
    let msg = 'The ';
    if (names.length === 1) msg += `${names[0]} argument`;
    else if (names.length === 2) msg += `${names[0]} and ${names[1]} arguments`;
    else msg += `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]} arguments`;
    return `${msg} must be specified`;
  }, TypeError);
  E('ERR_MISSING_OPTION', '%s is required', TypeError);
  E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
  E('ERR_NO_CRYPTO', 'Node.js is not compiled with OpenSSL crypto support', Error);
  E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
  E('ERR_OUT_OF_RANGE', outOfRangeMessage, RangeError);
  E('ERR_STRING_TOO_LONG', 'Cannot create a string longer than 0x%s characters', Error);
  E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
    const operator = allowZero ? '>=' : '>';
    return `${name} should be ${operator} 0 and < 65536. Received ${determineSpecificType(port)}.`;
  }, RangeError);
  E('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
  E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
  E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
  E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
  E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
  E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
  E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
  E('ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode', Error);
  E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
  E('ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler', Error);
  // The emitter passes the error already inspected.
  E('ERR_UNHANDLED_ERROR', (err = undefined) => {
    const msg = 'Unhandled error.';
    return err === undefined ? msg : `${msg} (${err})`;
  }, Error);
  E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
  E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
  E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
  E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);
  E('ERR_INVALID_CHAR', (name, field = undefined) => {
    let msg = `Invalid character in ${name}`;
    if (field !== undefined) msg += ` ["${field}"]`;
    return msg;
  }, TypeError);
  E('ERR_SYSTEM_ERROR', 'A system error occurred', Error);
  E('ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"', TypeError);
  E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
  E('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'The feature %s is unavailable on the current platform' +
    ', which is being used to run Node.js', TypeError);
  E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
  E('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.', Error);
  E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
  E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established', Error);
  E('ERR_HTTP_HEADERS_SENT', 'Cannot %s headers after they are sent to the client', Error);
  E('ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
  E('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
  E('ERR_HTTP_CONTENT_LENGTH_MISMATCH', "Response body's content-length of %s byte(s) does not " +
    'match the content-length of %s byte(s) set in header', Error);
  E('ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding', Error);
  E('ERR_HTTP_BODY_NOT_ALLOWED',
    'Adding content for this request method or response status is not allowed.', Error);
  E('ERR_HTTP_SOCKET_ENCODING',
    'Changing the socket encoding is not allowed per RFC7230 Section 3.', Error);
  E('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError);
  E('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);
  E('ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket', Error);
  E('ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout', Error);
  E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
  E('ERR_INVALID_ADDRESS_FAMILY', 'Invalid address family: %s %s:%s', RangeError);
  E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
  E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
  E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
  E('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error);
  E('ERR_FS_EISDIR', 'Path is a directory', SystemError);
  E('ERR_FS_CP_EINVAL', 'Invalid src or dest', SystemError);
  E('ERR_UNHANDLED_REJECTION', 'This error originated either by throwing inside of an async function ' +
    'without a catch block, or by rejecting a promise which was not handled with .catch(). ' +
    'The promise rejected with the reason "%s".', Error);
  E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
  E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
  E('ERR_ASYNC_CALLBACK', '%s must be a function', TypeError);
  E('ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', TypeError);
  E('ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed', Error);
};
