exports.kind = 'CommonJS because of .cjs';
console.log('legacy.cjs', typeof require);
