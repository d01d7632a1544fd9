setImmediate(() => console.log('i1'));
setImmediate(() => {
  console.log('i2');
  setImmediate(() => console.log('i4 next iteration'));
  process.nextTick(() => console.log('tick in i2'));
});
setImmediate(() => console.log('i3'));
