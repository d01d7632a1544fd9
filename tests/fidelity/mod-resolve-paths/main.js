const path = require('path');
const rel = (p) => path.relative(__dirname, p);
console.log(rel(require.resolve('vlib', { paths: [path.join(__dirname, 'vendor')] })));
console.log(rel(require.resolve('./thing', { paths: [path.join(__dirname, 'other')] })));
try { require.resolve('vlib'); } catch (e) { console.log(e.code); }
console.log(require.resolve.paths('fs'), require.resolve.paths('x').slice(0, 2).map(rel));
console.log(require.resolve('node:fs'), require.resolve('fs'));
