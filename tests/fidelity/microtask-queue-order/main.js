queueMicrotask(() => console.log('qm1'));
Promise.resolve().then(() => console.log('p1'));
queueMicrotask(() => console.log('qm2'));
process.nextTick(() => console.log('tick'));
