let n = 0;
function again() { if (++n < 5) process.nextTick(again); else console.log('ticks done', n); }
process.nextTick(again);
setImmediate(() => console.log('immediate after all ticks'));
Promise.resolve().then(() => console.log('promise after ticks'));
