const a = Date.now();
const b = Date.now();
console.log(b >= a, typeof performance.now());
const t0 = process.hrtime.bigint();
const t1 = process.hrtime.bigint();
console.log(t1 >= t0);
