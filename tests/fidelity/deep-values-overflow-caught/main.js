// Serializing a value nested deeper than the stack allows throws a catchable RangeError.
let object = {};
for (let i = 0; i < 10000; i++) object = { a: object };
try {
  JSON.stringify(object);
  console.log('stringified');
} catch (e) {
  console.log('JSON.stringify:', e.name, e.message);
}
let array = [];
for (let i = 0; i < 10000; i++) array = [array];
try {
  String(array);
  console.log('joined');
} catch (e) {
  console.log('String():', e.name, e.message);
}
let shallow = {};
for (let i = 0; i < 100; i++) shallow = { a: shallow };
console.log(JSON.stringify(shallow).length);
