async function work() {
  console.log('work starts');
  await null;
  console.log('after first await');
  await null;
  console.log('after second await');
}
work().then(() => console.log('work done'));
console.log('after calling work()');
