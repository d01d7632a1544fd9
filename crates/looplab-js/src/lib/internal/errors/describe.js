'use strict';

// How Node's error messages describe values and lists: "Received type number
// (5)", "one of type string or number", "1_000_000".

const lazyInspect = () => require('internal/util/inspect').inspect;

// A short description of what the caller passed, for "Received ...".
function determineSpecificType(value) {
  if (value === null || value === undefined) return `${value}`;
  if (typeof value === 'function' && value.name) return `function ${value.name}`;
  if (typeof value === 'function') return 'function ';
  if (typeof value === 'object') {
    if (value.constructor?.name) return `an instance of ${value.constructor.name}`;
    return `${lazyInspect()(value, { depth: -1 })}`;
  }
  // Long strings are cut before quoting, so the quotes stay visible.
  if (typeof value === 'string' && value.length > 28) value = `${value.slice(0, 25)}...`;
  return `type ${typeof value} (${lazyInspect()(value, { colors: false })})`;
}

// "a", "a or b", "a, b, or c".
function formatList(array, word = 'and') {
  return array.length < 3 ? array.join(` ${word} `) :
    `${array.slice(0, -1).join(', ')}, ${word} ${array[array.length - 1]}`;
}

// Underscores every three digits from the right: 4294967296 -> 4_294_967_296.
function addNumericalSeparator(text) {
  let grouped = '';
  let end = text.length;
  const start = text[0] === '-' ? 1 : 0;
  for (; end >= start + 4; end -= 3) grouped = `_${text.slice(end - 3, end)}${grouped}`;
  return `${text.slice(0, end)}${grouped}`;
}

// Primitive type names print in lower case ("of type string"); capitalised
// names are classes ("an instance of Buffer"); anything else is free text.
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
const classPattern = /^([A-Z][a-z0-9]*)+$/;

function invalidArgTypeMessage(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  }
  msg += 'must be ';
  const typeNames = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) typeNames.push(value.toLowerCase());
    else if (classPattern.test(value)) instances.push(value);
    else other.push(value);
  }
  // With classes listed, "object" reads better as the class Object.
  if (instances.length > 0) {
    const pos = typeNames.indexOf('object');
    if (pos !== -1) {
      typeNames.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (typeNames.length > 0) {
    msg += typeNames.length > 1 ? `one of type ${formatList(typeNames, 'or')}` : `of type ${typeNames[0]}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) {
      msg += `one of ${formatList(other, 'or')}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  return `${msg}. Received ${determineSpecificType(actual)}`;
}

function outOfRangeMessage(str, range, input, replaceDefaultBoolean = false) {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = lazyInspect()(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}

module.exports = {
  determineSpecificType,
  formatList,
  addNumericalSeparator,
  invalidArgTypeMessage,
  outOfRangeMessage,
  lazyInspect,
};
