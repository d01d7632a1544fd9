const a = require('./counter');
const b = require('./counter');
a.increment();
b.increment();
console.log('same object:', a === b, 'count:', a.count());
