setTimeout(() => {
  console.log('in timeout');
  process.exit(2);
  console.log('never');
}, 5);
setTimeout(() => console.log('never 2'), 10);
