// Timer objects changed by hand, as older code does: Node reads their fields after each run.
let calls = 0;

// A callback whose own call and apply are not functions still runs: Node calls it directly.
const odd = () => console.log('odd callback ran', ++calls);
odd.call = 'not a function';
odd.apply = 'not a function either';
setTimeout(odd, 1, 'an argument');
setImmediate(odd);

// An interval stops when its callback sets _idleTimeout to -1 or drops _onTimeout.
let a = 0;
const byIdle = setInterval(() => {
  a++;
  byIdle._idleTimeout = -1;
}, 1);
let b = 0;
const byCallback = setInterval(() => {
  b++;
  byCallback._onTimeout = null;
}, 1);

// A timeout whose callback sets _repeat runs again.
let c = 0;
const becomes = setTimeout(() => {
  c++;
  if (becomes._repeat) clearInterval(becomes);
  becomes._repeat = 2;
}, 1);

// Symbol.dispose clears a timer or an immediate.
const disposed = setTimeout(() => console.log('never'), 5);
disposed[Symbol.dispose]();
const gone = setImmediate(() => console.log('never'));
gone[Symbol.dispose]();

// The report comes well after the rest, so a slow interpreter under --real is done by then.
setTimeout(() => {
  console.log('interval by _idleTimeout ran', a, 'time(s), destroyed:', byIdle._destroyed);
  console.log('interval by _onTimeout ran', b, 'time(s), destroyed:', byCallback._destroyed);
  console.log('timeout made repeating ran', c, 'times');
  console.log('disposed:', disposed._destroyed, gone._destroyed);
}, 200);
