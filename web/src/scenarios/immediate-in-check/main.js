setImmediate(() => {
  console.log('immediate 1');
  setImmediate(() => console.log('immediate 3, next iteration'));
});
setImmediate(() => console.log('immediate 2'));
