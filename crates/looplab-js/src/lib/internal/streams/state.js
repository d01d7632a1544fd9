'use strict';

// Looplab: high-water marks: 16 KiB for bytes, 16 objects in object mode.

let defaultBytes = 16 * 1024;
let defaultObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjects : defaultBytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)('value', value);
  }
  if (objectMode) defaultObjects = value;
  else defaultBytes = value;
}

function getHighWaterMark(state, options, duplexKey, isDuplex) {
  let hwm = options.highWaterMark;
  let name = 'highWaterMark';
  if ((hwm === undefined || hwm === null) && isDuplex) {
    hwm = options[duplexKey];
    name = duplexKey;
  }
  if (hwm === undefined || hwm === null) return getDefaultHighWaterMark(state.objectMode);
  if (!Number.isInteger(hwm) || hwm < 0) {
    const shown = isDuplex ? `options.${name}` : 'options.highWaterMark';
    throw new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)(shown, hwm);
  }
  return Math.floor(hwm);
}

module.exports = { getHighWaterMark, getDefaultHighWaterMark, setDefaultHighWaterMark };
