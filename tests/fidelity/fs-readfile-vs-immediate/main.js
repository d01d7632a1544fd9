const fs = require('fs');
fs.readFile('data.txt', () => console.log('readFile'));
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
