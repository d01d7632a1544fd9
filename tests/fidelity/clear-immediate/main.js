const a = setImmediate(() => console.log('a'));
const b = setImmediate(() => console.log('b never'));
setImmediate(() => console.log('c'));
clearImmediate(b);
