const o = { a: 1, d: new Date(0), m: new Map([[1, 2]]) };
o.self = o;
const c = structuredClone(o);
console.log(c.a, c.d.getTime(), c.m.get(1), c.self === c, c !== o);
