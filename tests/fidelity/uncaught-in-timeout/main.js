process.on('exit', (c) => console.log('exit', c));
setTimeout(function f() {
  throw new TypeError('bad thing');
}, 1);
