setTimeout(() => {
  console.log('a');
  setTimeout(() => console.log('c (new, 1ms)'), 1);
}, 2);
setTimeout(() => console.log('b'), 2);
