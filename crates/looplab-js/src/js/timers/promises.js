'use strict';
// Looplab: lib/timers/promises.js in short: setTimeout/setImmediate as promises, setInterval as
// an async iterator.

const timers = require('timers');

function setTimeout(after, value, options = {}) {
  return new Promise((resolve) => {
    const t = timers.setTimeout(resolve, after, value);
    if (options.ref === false) t.unref();
  });
}

function setImmediate(value, options = {}) {
  return new Promise((resolve) => {
    const i = timers.setImmediate(resolve, value);
    if (options.ref === false) i.unref();
  });
}

async function* setInterval(after, value) {
  let pending = 0;
  let wake = null;
  const t = timers.setInterval(() => {
    pending++;
    if (wake) { wake(); wake = null; }
  }, after);
  try {
    while (true) {
      if (pending === 0) await new Promise((r) => { wake = r; });
      pending--;
      yield value;
    }
  } finally {
    timers.clearInterval(t);
  }
}

module.exports = { setTimeout, setImmediate, setInterval, scheduler: { wait: setTimeout, yield: setImmediate } };
