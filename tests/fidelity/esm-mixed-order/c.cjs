console.log('c.cjs runs');
exports.c = 'c';
