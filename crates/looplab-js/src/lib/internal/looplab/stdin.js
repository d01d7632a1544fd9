'use strict';
// Looplab: process.stdin as Node makes it when stdin is /dev/null: an fs.ReadStream on fd 0,
// left open at its end, whose one read (a trip to the pool) finds nothing. Looplab gives a
// script no input: the page has no keyboard for it, and `looplab run` runs it as
// `node script.js < /dev/null` would.

const { ReadStream } = require('internal/fs/streams');
const { submit } = require('internal/looplab/pool');

class EmptyStdin extends ReadStream {
  _read() {
    submit('fs', 0, 'fs.read', () => this.push(null));
  }
}

function makeStdin() {
  return new EmptyStdin(null, { fd: 0, autoClose: false });
}

module.exports = { makeStdin };
