console.log('props.cjs runs');
exports.alpha = 1;
exports.beta = function beta() { return 'b'; };
Object.defineProperty(exports, 'gamma', { enumerable: true, get: () => 3 });
module.exports.delta = 'd';
