process.on('beforeExit', () => console.log('beforeExit never'));
process.on('exit', (c) => console.log('exit', c));
setTimeout(() => process.exit(0), 5);
