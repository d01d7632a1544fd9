// The main module's race: whether the 1 ms timer is due when the loop starts depends on timing.
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
