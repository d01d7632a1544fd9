'use strict';

// util.debuglog: logs to stderr when NODE_DEBUG names the section. Looplab
// runs with an empty environment unless the script sets process.env, so the
// enabled set is read on first use, as Node does.

let enabledPattern;

function initializeDebugEnv(debugEnv) {
  if (debugEnv) {
    const source = debugEnv.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*').replace(/,/g, '$|^');
    enabledPattern = new RegExp(`^${source}$`, 'i');
  } else {
    enabledPattern = null;
  }
}

function testEnabled(section) {
  if (enabledPattern === undefined) initializeDebugEnv(process.env.NODE_DEBUG);
  return enabledPattern !== null && enabledPattern.test(section);
}

function debuglog(set, cb) {
  let enabled;
  let logImpl;
  function init() {
    set = set.toUpperCase();
    enabled = testEnabled(set);
  }
  function logger(...args) {
    if (enabled === undefined) init();
    if (!enabled) return;
    if (logImpl === undefined) {
      const { formatWithOptions } = require('internal/util/inspect');
      const pid = process.pid;
      logImpl = (...a) => {
        const msg = formatWithOptions({ colors: false }, ...a);
        internalBinding('stdio').write(2, `${set} ${pid}: ${msg}\n`);
      };
      if (typeof cb === 'function') cb(logImpl);
    }
    logImpl(...args);
  }
  Object.defineProperty(logger, 'enabled', {
    get() {
      if (enabled === undefined) init();
      return enabled;
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = { debuglog, initializeDebugEnv };
