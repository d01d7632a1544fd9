'use strict';

// The `+ actual - expected` report of a failed strictEqual/deepStrictEqual:
// both values inspected one property per line, compared line by line, with
// runs of equal lines shortened to a little context.

const { inspect } = require('internal/util/inspect');

const headers = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Short inputs print as `a !== b`; longer single lines get a caret under the
// first difference when they fit in a terminal line.
const kMaxShortLength = 12;
const kCaretWidth = 80;
// A report stops after about this many printed lines.
const kMaxPrintedLines = 50;

function inspectForDiff(value) {
  return inspect(value, {
    compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity,
    showHidden: false, showProxy: false, sorted: true, getters: true, breakLength: Infinity,
  });
}

const isObjectish = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';

// Lines that differ only by the trailing comma of a non-last entry count as
// equal; the actual line then borrows the comma.
function compareLines(actualLine, expectedLine) {
  if (actualLine === expectedLine) return actualLine;
  if (actualLine.endsWith(',') && actualLine.slice(0, -1) === expectedLine) return actualLine;
  if (expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) return `${actualLine},`;
  return undefined;
}

// Builds the report text. `message` (a user's message) replaces the header.
function createErrDiff(actual, expected, operator, message) {
  if (operator === 'strictEqual' && isObjectish(actual) && isObjectish(expected) &&
      (typeof actual === 'function') === (typeof expected === 'function')) {
    operator = 'strictEqualObject';
  }
  const header = message === undefined ? headers[operator] : `${message}`;
  const actualText = inspectForDiff(actual);
  const actualLines = actualText.split('\n');
  const expectedLines = inspectForDiff(expected).split('\n');

  let caret = '';
  // How many trailing equal lines may be shown in full.
  let tailBudget = 0;
  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const a = actualLines[0];
    const b = expectedLines[0];
    if (a.length + b.length <= kMaxShortLength) {
      if (!isObjectish(actual) && !isObjectish(expected) && (actual !== 0 || expected !== 0)) {
        return `${header}\n\n${a} !== ${b}\n`;
      }
    } else if (operator !== 'strictEqualObject' && a.length + b.length < kCaretWidth) {
      let at = 0;
      while (a[at] === b[at]) at++;
      if (at > 2) caret = `\n  ${' '.repeat(at)}^`;
      else tailBudget = at;
    }
  }

  // Equal closing lines are printed once, after the differences (at most
  // three of them, else the first of the run plus an ellipsis).
  let tail = '';
  let tailFirst = '';
  let skipped = false;
  let trimmed = 0;
  while (actualLines.length > 0 && expectedLines.length > 0 &&
         actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = actualLines.pop();
    expectedLines.pop();
    if (tailBudget + trimmed < 3) tail = `\n  ${line}${tail}`;
    else tailFirst = line;
    trimmed++;
  }
  const rows = Math.max(actualLines.length, expectedLines.length);
  if (rows === 0) {
    // Deep-equal but not the same objects.
    let lines = actualText.split('\n');
    if (lines.length > 50) lines = [...lines.slice(0, 46), '...'];
    return `${headers.notIdentical}\n\n${lines.join('\n')}\n`;
  }
  if (tailBudget + trimmed >= 5) {
    tail = `\n...${tail}`;
    skipped = true;
  }
  if (tailFirst !== '') tail = `\n  ${tailFirst}${tail}`;

  const title = `${header}\n+ actual - expected`;
  const skippedNote = ' ... Lines skipped';
  let out = '';
  let pendingExpected = '';
  let printed = 0;
  let sameRun = 0;
  // The longer side's extra lines are all additions (+) or removals (-).
  const longer = actualLines.length >= expectedLines.length ? actualLines : expectedLines;
  const shorterLength = Math.min(actualLines.length, expectedLines.length);

  // Before a difference, show the end of the preceding run of equal lines
  // (its first two were printed as they came).
  const closeRun = (lines, i) => {
    const unprinted = sameRun - 2;
    if (unprinted > 0) {
      if (unprinted > 3) {
        out += '\n...';
        skipped = true;
      } else if (unprinted === 3) {
        out += `\n  ${lines[i - 3]}`;
        printed++;
      }
      if (unprinted >= 2) {
        out += `\n  ${lines[i - 2]}`;
        printed++;
      }
      out += `\n  ${lines[i - 1]}`;
      printed++;
    }
    sameRun = 0;
  };

  for (let i = 0; i < rows; i++) {
    if (i >= shorterLength) {
      closeRun(longer, i);
      if (longer === actualLines) out += `\n+ ${longer[i]}`;
      else pendingExpected += `\n- ${longer[i]}`;
      printed++;
    } else {
      const same = compareLines(actualLines[i], expectedLines[i]);
      if (same === undefined) {
        closeRun(actualLines, i);
        out += `\n+ ${actualLines[i]}`;
        pendingExpected += `\n- ${expectedLines[i]}`;
        printed += 2;
      } else {
        out += pendingExpected;
        pendingExpected = '';
        sameRun++;
        if (sameRun <= 2) {
          out += `\n  ${same}`;
          printed++;
        }
      }
    }
    if (printed > kMaxPrintedLines && i < rows - 2) {
      return `${title}${skippedNote}\n${out}\n...${pendingExpected}\n...`;
    }
  }
  return `${title}${skipped ? skippedNote : ''}\n${out}${pendingExpected}${tail}${caret}`;
}

module.exports = { createErrDiff, inspectForDiff, headers };
