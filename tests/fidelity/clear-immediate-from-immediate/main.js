setImmediate(() => { console.log('first'); clearImmediate(second); });
const second = setImmediate(() => console.log('second never'));
setImmediate(() => console.log('third'));
