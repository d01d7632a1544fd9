const t0 = Date.now();
setTimeout(() => console.log('timer fired after', Date.now() - t0, 'ms (asked for 10)'), 10);
let x = 0;
for (let i = 0; i < 2e7; i++) { x += i; }
console.log('loop took', Date.now() - t0, 'ms');
