console.log('before');
setTimeout(() => console.log('never timer'), 1);
process.nextTick(() => console.log('never tick'));
process.on('exit', (c) => console.log('exit', c));
process.exit(5);
console.log('never after exit');
