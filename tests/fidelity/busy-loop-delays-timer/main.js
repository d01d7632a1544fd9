// While a loop runs, nothing else can: a 10 ms timer fires only after the loop is done.
const t0 = Date.now();
let fired;
setTimeout(() => {
  fired = Date.now() - t0;
  console.log('timer late by at least the loop:', fired >= loopTime);
  console.log('timer later than asked:', fired > 10);
}, 10);
let x = 0;
for (let i = 0; i < 1e7; i++) { x += i; }
const loopTime = Date.now() - t0;
console.log('loop took more than 10 ms:', loopTime > 10);
console.log('loop took less than a second:', loopTime < 1000);
