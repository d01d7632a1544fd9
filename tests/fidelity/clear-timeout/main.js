const t = setTimeout(() => console.log('never'), 10);
clearTimeout(t);
const t2 = setTimeout(() => console.log('kept'), 10);
setTimeout(() => clearTimeout(t3), 5);
const t3 = setTimeout(() => console.log('cleared by another'), 20);
