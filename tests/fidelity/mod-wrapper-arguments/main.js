require('./lib/m');
console.log(require('path').basename(require.resolve('./lib/m')));
