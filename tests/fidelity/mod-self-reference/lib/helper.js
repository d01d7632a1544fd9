const { hello } = require('selfie');
module.exports = () => hello() + ' via helper';
