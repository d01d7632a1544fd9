setTimeout(() => console.log('50 ms later'), 50);
console.log('waiting');
