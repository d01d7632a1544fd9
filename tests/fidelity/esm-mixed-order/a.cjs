console.log('a.cjs runs');
module.exports = { fromCjs: 'a' };
