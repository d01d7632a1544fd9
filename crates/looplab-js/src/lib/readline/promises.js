'use strict';
// Looplab: readline/promises: the same Interface, whose question() returns a promise.

const { Interface: Base } = require('internal/readline/interface');

class Interface extends Base {
  question(query, options) {
    return new Promise((resolve) => super.question(query, options, resolve));
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, createInterface };
