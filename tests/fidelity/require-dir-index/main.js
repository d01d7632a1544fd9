console.log(require('./pkg').name);
console.log(require('./idx').name);
console.log(require('dep').name);
