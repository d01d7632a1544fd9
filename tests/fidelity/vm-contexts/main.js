// vm runs source text as a script of its own: in this context it sees this realm's globals; in
// a context of its own it has a fresh global object with the language's built-ins (a different
// Array, a TypeError that is not ours) and none of Node's (no require, process or setTimeout).
const vm = require('vm');

console.log(vm.runInNewContext('a + b', { a: 1, b: 2 }));
const context = { x: 2, console };
vm.createContext(context);
vm.runInContext('x += 40; var y = 17; globalThis.z = "zed"; console.log("inside:", typeof require, typeof process)', context);
console.log(context.x, context.y, context.z, vm.isContext(context), vm.isContext({}));

globalThis.shared = 'this realm';
console.log(vm.runInThisContext('typeof shared + " " + shared'));

const script = new vm.Script('count += 1; count', { filename: 'counter.vm' });
const counter = vm.createContext({ count: 0 });
script.runInContext(counter);
script.runInContext(counter);
console.log('count', counter.count, script.runInContext(counter));
console.log(vm.runInNewContext('typeof setTimeout + " " + typeof Array + " " + (Array === outerArray)', { outerArray: Array }));

try {
  new vm.Script('let = ;');
} catch (err) {
  console.log(err.name);
}
try {
  vm.runInNewContext('throw new TypeError("inside")');
} catch (err) {
  console.log(err.name, err.message, err instanceof TypeError);
}
console.log(vm.compileFunction('return a + b', ['a', 'b'])(2, 3));
try {
  vm.runInContext('1', {});
} catch (err) {
  console.log(err.code);
}
