// setTimeout 0 against setImmediate, twice: once a race, once not.
const fs = require('fs');

// From the main module it is a race. The 0 ms timer is a 1 ms timer, and it is due at the
// loop's first timers phase only if a millisecond ended between setting it and the loop's
// start: that depends on the machine, so either line can print first.
setTimeout(() => {
  console.log('main module: timeout');

  // From an I/O callback it is no race. The callback runs in the poll phase, check comes
  // right after it, and timers only in the next turn: the immediate always wins.
  fs.readFile(__filename, () => {
    setTimeout(() => console.log('I/O callback: timeout'), 0);
    setImmediate(() => console.log('I/O callback: immediate'));
  });
}, 0);
setImmediate(() => console.log('main module: immediate'));
