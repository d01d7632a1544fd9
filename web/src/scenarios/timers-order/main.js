setTimeout(() => console.log('10 ms'), 10);
setTimeout(() => console.log('5 ms'), 5);
setTimeout(() => console.log('5 ms, second'), 5);
setTimeout(() => console.log('0 ms (really 1 ms)'), 0);
