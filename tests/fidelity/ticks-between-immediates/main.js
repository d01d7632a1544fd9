setImmediate(() => {
  console.log('i1');
  process.nextTick(() => console.log('tick after i1'));
  Promise.resolve().then(() => console.log('promise after i1'));
});
setImmediate(() => console.log('i2'));
