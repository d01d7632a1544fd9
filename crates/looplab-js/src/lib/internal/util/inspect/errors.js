'use strict';

// Errors print as their stack, with the constructor and name worked into the
// first line when the stack does not already say them, frames shared with
// `cause` folded, and continuation lines indented to the property's level.

const { getPrefix } = require('internal/util/inspect/describe');


// The header V8 puts on a stack (`Name: message`, or `Name [CODE]: message`
// for Node's own errors).
function stackHeader(err) {
  const text = Error.prototype.toString.call(err);
  if (err[require('internal/errors').kIsNodeError] === true && typeof err.code === 'string') {
    const colon = text.indexOf(':');
    const name = colon === -1 ? text : text.slice(0, colon);
    return `${name} [${err.code}]${colon === -1 ? '' : text.slice(colon)}`;
  }
  return text;
}

// An engine whose stacks are frame lines only (Boa) gets V8's header.
function getStackString(err) {
  if (!err.stack) return Error.prototype.toString.call(err);
  const stack = String(err.stack);
  // Boa's frame list also ends with a newline, which V8's stacks never do.
  if (stack.startsWith('    at ')) return `${stackHeader(err)}\n${stack.replace(/\n$/, '')}`;
  return stack;
}

// The first run of more than 3 lines of `a` that also appears, in order, in
// `b`: the frames an error shares with its cause.
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos !== -1) {
      const rest = b.length - pos;
      if (rest > 3) {
        let len = 1;
        const maxLen = Math.min(a.length - i, rest);
        while (maxLen > len && a[i + len] === b[pos + len]) len++;
        if (len > 3) return { len, offset: i };
      }
    }
  }
  return { len: 0, offset: 0 };
}

function getStackFrames(ctx, err, frameText) {
  const frames = frameText.split('\n');
  let cause;
  try {
    ({ cause } = err);
  } catch {
    // A throwing `cause` getter just stops the folding.
  }
  if (cause !== null && typeof cause === 'object' && cause instanceof Error) {
    const causeStack = getStackString(cause);
    const causeStart = causeStack.indexOf('\n    at');
    if (causeStart !== -1) {
      const causeFrames = causeStack.slice(causeStart + 1).split('\n');
      const { len, offset } = identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        frames.splice(offset + 1, skipped, ctx.stylize(msg, 'undefined'));
      }
    }
  }
  return frames;
}

// Makes the first line name the class when it differs from `name`, e.g.
// `MyErr [Error]: boom` or `[Error: null prototype]: bar`.
function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (constructor === null ||
      (name.endsWith('Error') && stack.startsWith(name) &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
        /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) {
        stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
      } else {
        stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

// Own `name`, `message` and `stack` keys are not repeated when the stack
// already shows them.
function removeDuplicateErrorKeys(ctx, keys, err, stack) {
  if (ctx.showHidden || keys.length === 0) return;
  for (const name of ['name', 'message', 'stack']) {
    const index = keys.indexOf(name);
    if (index !== -1 && stack.includes(err[name])) keys.splice(index, 1);
  }
}

function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = getStackString(err);
  removeDuplicateErrorKeys(ctx, keys, err, stack);
  if ('cause' in err && !keys.includes('cause')) keys.push('cause');
  if (Array.isArray(err.errors) && !keys.includes('errors')) keys.push('errors');
  stack = improveStack(stack, constructor, name, tag);

  // Frames start after the message, which may itself hold "\n    at".
  let pos = (err.message && stack.indexOf(err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  const stackStart = stack.indexOf('\n    at', pos);
  if (stackStart === -1) {
    stack = `[${stack}]`;
  } else {
    const frames = getStackFrames(ctx, err, stack.slice(stackStart + 1));
    stack = `${stack.slice(0, stackStart)}\n${frames.join('\n')}`;
  }
  if (ctx.indentationLvl !== 0) {
    stack = stack.replace(/\n/g, `\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}

module.exports = {
  formatError,
  identicalSequenceRange,
  getStackString,
};
