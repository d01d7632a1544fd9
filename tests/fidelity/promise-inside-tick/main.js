process.nextTick(() => {
  console.log('t1');
  Promise.resolve().then(() => console.log('promise from t1'));
  process.nextTick(() => console.log('t3 from t1'));
});
process.nextTick(() => console.log('t2'));
