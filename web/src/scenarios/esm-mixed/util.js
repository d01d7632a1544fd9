console.log('util.js runs once');
exports.upper = (s) => s.toUpperCase();
