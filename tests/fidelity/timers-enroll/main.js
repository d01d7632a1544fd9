// timers.enroll, active and unenroll: Node's deprecated timers on any object.
const timers = require('timers');
process.on('warning', (w) => console.log('warning', w.code, w.message));

const start = Date.now();
const item = {
  _onTimeout() {
    console.log('item fired after at least 20 ms:', Date.now() - start >= 20);
    // Started again, it fires again.
    if (++this.runs < 2) timers.active(this);
  },
  runs: 0,
};
timers.enroll(item, 20);
console.log('enrolled for', item._idleTimeout, 'ms');
timers.active(item);

const cancelled = { _onTimeout() { console.log('never'); } };
timers.enroll(cancelled, 5);
timers.active(cancelled);
timers.unenroll(cancelled);
console.log('unenrolled', cancelled._idleTimeout);
timers.active(cancelled); // an unenrolled object does not start again

// An unref'd one does not keep the process alive.
const weak = { _onTimeout() { console.log('never: unref\'d'); } };
timers.enroll(weak, 1000);
timers._unrefActive(weak);

try {
  timers.enroll({}, -1);
} catch (e) {
  console.log(e.code, e.message);
}
try {
  timers.enroll({}, 'x');
} catch (e) {
  console.log(e.code);
}
setTimeout(() => console.log('a plain timeout at 10 ms'), 10);
