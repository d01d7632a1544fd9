const path = require('path');
console.log(require('sugar'));
try { require('sugar/main.js'); } catch (e) { console.log(e.code); }
console.log(require('pat'), require('pat/utils/add')(2, 3), require('pat/data/one.json'));
console.log(path.relative(__dirname, require.resolve('pat/utils/add')));
try { require('pat/utils/secret'); } catch (e) { console.log(e.code, e.message); }
