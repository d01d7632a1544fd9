const t = setTimeout(() => console.log('ran'), 10);
t.unref();
t.ref();
console.log(t.hasRef());
