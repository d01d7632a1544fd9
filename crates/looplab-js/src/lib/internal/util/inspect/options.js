'use strict';

// The option set of util.inspect, its colour tables, and the per-call context
// object every formatter receives.

const defaultOptions = {
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
};

// [open, close] SGR codes, in Node's enumeration order.
const colors = { __proto__: null };
const colorCodes = [
  ['reset', 0, 0], ['bold', 1, 22], ['dim', 2, 22], ['italic', 3, 23], ['underline', 4, 24],
  ['blink', 5, 25], ['inverse', 7, 27], ['hidden', 8, 28], ['strikethrough', 9, 29],
  ['doubleunderline', 21, 24], ['black', 30, 39], ['red', 31, 39], ['green', 32, 39],
  ['yellow', 33, 39], ['blue', 34, 39], ['magenta', 35, 39], ['cyan', 36, 39], ['white', 37, 39],
  ['bgBlack', 40, 49], ['bgRed', 41, 49], ['bgGreen', 42, 49], ['bgYellow', 43, 49],
  ['bgBlue', 44, 49], ['bgMagenta', 45, 49], ['bgCyan', 46, 49], ['bgWhite', 47, 49],
  ['framed', 51, 54], ['overlined', 53, 55], ['gray', 90, 39], ['redBright', 91, 39],
  ['greenBright', 92, 39], ['yellowBright', 93, 39], ['blueBright', 94, 39],
  ['magentaBright', 95, 39], ['cyanBright', 96, 39], ['whiteBright', 97, 39],
  ['bgGray', 100, 49], ['bgRedBright', 101, 49], ['bgGreenBright', 102, 49],
  ['bgYellowBright', 103, 49], ['bgBlueBright', 104, 49], ['bgMagentaBright', 105, 49],
  ['bgCyanBright', 106, 49], ['bgWhiteBright', 107, 49],
];
for (const [name, open, close] of colorCodes) colors[name] = [open, close];

// Aliases are hidden accessors, so they neither count as keys nor go stale.
const aliases = [
  ['grey', 'gray'], ['blackBright', 'gray'], ['bgGrey', 'bgGray'], ['bgBlackBright', 'bgGray'],
  ['faint', 'dim'], ['crossedout', 'strikethrough'], ['strikeThrough', 'strikethrough'],
  ['crossedOut', 'strikethrough'], ['conceal', 'hidden'], ['swapColors', 'inverse'],
  ['swapcolors', 'inverse'], ['doubleUnderline', 'doubleunderline'],
];
for (const [alias, target] of aliases) {
  Object.defineProperty(colors, alias, {
    get() { return this[target]; },
    set(value) { Object.defineProperty(this, alias, { value, writable: true, enumerable: true, configurable: true }); },
    enumerable: false,
    configurable: true,
  });
}

const styles = Object.assign({ __proto__: null }, {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

function stylizeNoColor(str) {
  return str;
}

function stylizeWithColor(str, styleType) {
  const style = styles[styleType];
  if (style !== undefined) {
    const color = colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}

// Builds the context for one top-level inspect() call.
function createContext(options) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    ...defaultOptions,
  };
  if (options !== undefined) {
    for (const key of Object.keys(options)) {
      if (Object.prototype.hasOwnProperty.call(defaultOptions, key) || key === 'stylize') {
        ctx[key] = options[key];
      } else if (ctx.userOptions === undefined) {
        // Unknown keys still reach custom inspect functions.
        ctx.userOptions = options;
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return ctx;
}

// The options object a custom [inspect.custom] function receives.
function userOptions(ctx, isCrossContext) {
  const ret = { stylize: ctx.stylize };
  for (const key of Object.keys(defaultOptions)) ret[key] = ctx[key];
  if (ctx.userOptions !== undefined) Object.assign(ret, ctx.userOptions);
  if (isCrossContext) {
    Object.setPrototypeOf(ret, null);
    for (const key of Object.keys(ret)) {
      if ((typeof ret[key] === 'object' || typeof ret[key] === 'function') && ret[key] !== null) {
        delete ret[key];
      }
    }
    ret.stylize = Object.setPrototypeOf((value, flavour) => {
      let stylized;
      try {
        stylized = `${ctx.stylize(value, flavour)}`;
      } catch {
        // A stylize that throws leaves the text plain.
      }
      return typeof stylized !== 'string' ? value : stylized;
    }, null);
  }
  return ret;
}

module.exports = {
  defaultOptions,
  colors,
  styles,
  stylizeNoColor,
  stylizeWithColor,
  createContext,
  userOptions,
};
