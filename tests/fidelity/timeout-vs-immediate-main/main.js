// The main module's race: the 1 ms timer is due when the loop starts only if a millisecond
// boundary passed since it was set, which depends on how fast the process starts its loop.
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
