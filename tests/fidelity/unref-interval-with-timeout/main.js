let n = 0;
const iv = setInterval(() => n++, 10).unref();
setTimeout(() => {
  console.log('interval ran while the timeout kept the loop alive:', n >= 1);
  clearInterval(iv);
}, 60);
process.on('exit', () => console.log('exit; the unref\'d interval alone did not keep it alive'));
