'use strict';
// Looplab: Node's uvException (lib/internal/errors.js) for file-system calls: the message, and
// errno, code, syscall, path (and dest) in Node's order.

const { errorMap, errnoByName } = require('internal/util/system_errors');

// `async` errors come back from the pool with no JavaScript frames, as in Node.
function uvException(code, syscall, path, dest, async = false) {
  const known = errnoByName.get(code);
  const errno = known ?? -1;
  const desc = known === undefined ? 'unknown error' : errorMap.get(known)[1];
  let message = `${code}: ${desc}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const err = new Error(message);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  if (dest !== undefined) err.dest = dest;
  if (async) {
    Object.defineProperty(err, 'stack', {
      __proto__: null, value: `Error: ${message}`, writable: true, configurable: true,
    });
  }
  return err;
}

// Runs a binding call; a thrown code string becomes Node's error.
function call(fn, syscall, path, dest, async) {
  try {
    return fn();
  } catch (e) {
    if (typeof e === 'string') throw uvException(e, syscall, path, dest, async);
    throw e;
  }
}

module.exports = { uvException, call };
