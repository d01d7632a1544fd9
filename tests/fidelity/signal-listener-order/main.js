// A SIGINT listener hears process.kill(process.pid, 'SIGINT') in the poll phase of the first
// iteration: after the main script's nextTicks and promise jobs, before the first setImmediate.
// It gets (name, signum) with `this` the process, its own nextTicks and promise jobs drain after
// it, and removing the last listener closes the signal handle; the timer keeps the process alive.
function onSigint(name, signum) {
  console.log('SIGINT listener:', name, signum, this === process, arguments.length);
  process.nextTick(() => console.log('nextTick from the listener'));
  Promise.resolve().then(() => console.log('promise job from the listener'));
  process.off('SIGINT', onSigint);
  console.log('listeners left:', process.listenerCount('SIGINT'));
}
process.on('SIGINT', onSigint);
setTimeout(() => console.log('timer, 500 ms'), 500);
setImmediate(() => console.log('setImmediate'));
process.nextTick(() => console.log('nextTick from main'));
Promise.resolve().then(() => console.log('promise job from main'));
console.log('kill returned', process.kill(process.pid, 'SIGINT'));
console.log('main script ends');
process.on('exit', (code) => console.log('exit', code));
