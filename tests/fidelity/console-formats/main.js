console.log('%s is %d years', 'Bob', 42);
console.log({ a: 1, b: 'two', c: [1, 2, 3], d: { e: null } });
console.log([undefined, null, true, 1n, Symbol('s')]);
console.log(new Map([[1, 'a']]), new Set([1, 2]));
console.log('%o', [1]);
console.table([{ a: 1, b: 2 }]);
