process.on('exit', (c) => console.log('exit', c));
console.log('before');
require('./lib/boom');
console.log('never');
