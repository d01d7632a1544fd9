setTimeout(() => {
  console.log('t1');
  process.nextTick(() => console.log('tick after t1'));
  Promise.resolve().then(() => console.log('promise after t1'));
}, 5);
setTimeout(() => console.log('t2'), 5);
