const path = require('path');
console.log(path.basename(__filename), path.basename(__dirname) === path.basename(process.cwd()));
console.log(this === module.exports, typeof require, typeof module, typeof exports);
console.log(require.main === module);
