const lib = require('./lib/math');
const again = require('./lib/math.js');
console.log(lib.add(2, 3), lib === again);
console.log(require('./data.json').name);
