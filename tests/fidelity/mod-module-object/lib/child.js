const path = require('path');
console.log('child id is filename:', module.id === __filename, 'loaded:', module.loaded);
console.log('parent:', path.basename(module.parent.filename), module.parent.id);
require('./grandchild');
module.exports = module;
