const path = require('path');
const near = require('near');
const rel = (p) => path.relative(__dirname, p);
console.log(near, rel(require.resolve('near')), rel(require.resolve('top')));
console.log(module.paths.slice(0, 4).map(rel));
