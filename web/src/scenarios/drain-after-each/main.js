setTimeout(() => {
  console.log('timeout 1');
  Promise.resolve().then(() => console.log('promise from timeout 1'));
  process.nextTick(() => console.log('nextTick from timeout 1'));
}, 0);
setTimeout(() => console.log('timeout 2'), 0);
