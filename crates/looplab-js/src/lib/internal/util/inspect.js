'use strict';

// util.inspect and util.format. The engine lives in internal/util/inspect/*:
// options (defaults, colours), strings and primitives (leaf values),
// describe (constructor names, prefixes), entries (collections), errors,
// layout (line breaking) and format-value (the recursion).

const { codes } = require('internal/errors');
const options = require('internal/util/inspect/options');
const { formatValue, customInspectSymbol } = require('internal/util/inspect/format-value');
const { formatWithOptionsInternal } = require('internal/util/inspect/format');
const strings = require('internal/util/inspect/strings');
const { identicalSequenceRange } = require('internal/util/inspect/errors');
const { formatNumber, formatBigInt } = require('internal/util/inspect/primitives');

function inspect(value, opts) {
  let ctxOptions = opts;
  // Legacy signature: inspect(value, showHidden, depth, colors).
  if (arguments.length > 2 || typeof opts === 'boolean') {
    ctxOptions = { showHidden: !!opts };
    if (arguments.length >= 3 && arguments[2] !== undefined) ctxOptions.depth = arguments[2];
    if (arguments.length >= 4 && arguments[3] !== undefined) ctxOptions.colors = arguments[3];
  } else if (opts === null || typeof opts !== 'object') {
    ctxOptions = undefined;
  }
  const ctx = options.createContext(ctxOptions);
  return formatValue(ctx, value, 0);
}
inspect.custom = customInspectSymbol;

Object.defineProperty(inspect, 'defaultOptions', {
  get() {
    return options.defaultOptions;
  },
  set(newOptions) {
    if (newOptions === null || typeof newOptions !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', newOptions);
    }
    Object.assign(options.defaultOptions, newOptions);
  },
});

inspect.colors = options.colors;
inspect.styles = options.styles;

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('inspectOptions', 'object', inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}

module.exports = {
  inspect,
  format,
  formatWithOptions,
  formatWithOptionsInternal,
  inspectDefaultOptions: options.defaultOptions,
  stylizeWithColor: options.stylizeWithColor,
  stylizeNoColor: options.stylizeNoColor,
  stripVTControlCharacters: strings.stripVTControlCharacters,
  getStringWidth: strings.getStringWidth,
  identicalSequenceRange,
  formatNumber,
  formatBigInt,
};
