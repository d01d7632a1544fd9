async function a() {
  console.log('a start');
  await null;
  console.log('a after await');
}
async function b() {
  console.log('b start');
  await a();
  console.log('b after a');
}
b().then(() => console.log('b done'));
process.nextTick(() => console.log('tick'));
console.log('sync end');
