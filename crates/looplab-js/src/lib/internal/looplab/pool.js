'use strict';
// Looplab: thread-pool requests (fs, crypto, dns.lookup, zlib). `submit` times work already done;
// `submitOp` hands the operation itself to the pool (run at once when simulated, on a real pool
// thread with --real), and its result is taken when the model says the request completed.

const { IdTable } = require('internal/looplab/id_table');
const tasks = internalBinding('tasks');
const callbacks = new IdTable();
let poolUsed = false;

// libuv sizes the pool from UV_THREADPOOL_SIZE at its first request: the script may have set it.
function beforeRequest() {
  if (poolUsed) return;
  poolUsed = true;
  tasks.threadpoolEnv(process.env.UV_THREADPOOL_SIZE);
}

// `op` names the cost ('fs', 'dns', 'pbkdf2', 'scrypt', 'zlib', 'hash'); `amount` is its size.
function submit(op, amount, label, done) {
  beforeRequest();
  callbacks.set(tasks.submitWork(op, amount, label), done);
}

// `done(error, value)`: error is the code string (ENOENT ...) or message the operation failed with.
function submitOp(op, args, label, done) {
  beforeRequest();
  const id = tasks.submitOp(op, args, label);
  callbacks.set(id, () => {
    let value;
    let error;
    try {
      value = tasks.takeResult(id);
    } catch (e) {
      error = e;
    }
    done(error, value);
  });
}

function runRequest(id) {
  const done = callbacks.get(id);
  if (done === undefined) return;
  callbacks.delete(id);
  done();
}

module.exports = { submit, submitOp, runRequest };
