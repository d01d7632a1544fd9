'use strict';
// Looplab: thread-pool requests (fs, crypto, dns.lookup, zlib): the work is done when it is
// submitted; its callback waits here until the model says the request completed.

const { binding } = globalThis[Symbol.for('looplab.internals')];
const tasks = binding('tasks');
const callbacks = new Map();

// `op` names the cost ('fs', 'dns', 'pbkdf2', 'scrypt', 'zlib', 'hash'); `amount` is its size.
function submit(op, amount, label, done) {
  callbacks.set(tasks.submitWork(op, amount, label), done);
}

function runRequest(id) {
  const done = callbacks.get(id);
  if (done === undefined) return;
  callbacks.delete(id);
  done();
}

module.exports = { submit, runRequest };
