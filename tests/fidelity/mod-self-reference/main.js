const helper = require('selfie/helper');
console.log(helper());
console.log(require('selfie') === require('./lib/index.js'));
console.log(require('path').relative(__dirname, require.resolve('selfie/helper')));
