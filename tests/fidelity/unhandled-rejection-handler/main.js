process.on('unhandledRejection', (reason, p) => {
  console.log('unhandled:', reason, p instanceof Promise);
});
Promise.reject('nope');
setTimeout(() => console.log('after'), 1);
