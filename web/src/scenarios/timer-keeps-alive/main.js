setTimeout(() => console.log('done waiting'), 100);
console.log('main script ends here');
