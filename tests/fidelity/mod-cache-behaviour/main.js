const first = require('./counter');
console.log(first.loads, require('./counter') === first);
delete require.cache[require.resolve('./counter')];
const second = require('./counter');
console.log(second.loads, second === first);
try { require('./flaky'); } catch (e) { console.log('caught:', e.message); }
console.log(require.resolve('./flaky') in require.cache);
console.log(require('./flaky'));
