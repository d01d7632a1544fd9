const t = setTimeout(() => console.log('never printed'), 1000);
setTimeout(() => {
  console.log('clearing the long timer');
  clearTimeout(t);
}, 10);
