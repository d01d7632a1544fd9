console.log(arguments.length, arguments[0] === exports, arguments[2] === module);
console.log(typeof arguments[1].resolve, arguments[3] === __filename, arguments[4] === __dirname);
var top = 'local';
console.log(typeof globalThis.top, this === exports);
