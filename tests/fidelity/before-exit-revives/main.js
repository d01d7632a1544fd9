let count = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, count);
  if (count++ < 2) setTimeout(() => console.log('revived', count), 5);
});
process.on('exit', (code) => console.log('exit', code));
