const a = require('./data/config.json');
const b = require('./data/config');
console.log(a, a === b);
a.list.push(4);
console.log(require('./data/config.json').list);
try { require('./data/bad.json'); } catch (e) { console.log(e.name, e.message.replace(__dirname, '.')); }
console.log(Object.keys(require.cache).map((k) => require('path').relative(__dirname, k)));
