console.log(typeof require, typeof module, typeof exports);
console.log(__filename);
console.log(__dirname);
console.log(require('./greet')('Ada'));
