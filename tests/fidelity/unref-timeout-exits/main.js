const t = setTimeout(() => console.log('never'), 100);
t.unref();
console.log('hasRef', t.hasRef());
process.on('exit', () => console.log('exit'));
