const o = undefined;
console.log('before');
o.foo;
