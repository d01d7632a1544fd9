process.on('exit', () => {
  console.log('exit handler');
  setTimeout(() => console.log('never'), 0);
  process.nextTick(() => console.log('never tick'));
});
