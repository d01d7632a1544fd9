const start = Date.now();
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
while (Date.now() - start < 5) {}
