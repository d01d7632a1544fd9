// process.once('SIGTERM') catches the first SIGTERM; once its listener is gone the signal handle
// is closed, and the next SIGTERM takes its default action: the process ends at once, killed by
// the signal (a shell sees 143), without 'exit' listeners and without the timers still pending.
process.on('exit', (code) => console.log('exit', code));
process.once('SIGTERM', (name, signum) => {
  console.log('caught', name, signum, 'listeners left:', process.listenerCount('SIGTERM'));
});
process.kill(process.pid, 'SIGTERM');
setTimeout(() => {
  console.log('second SIGTERM');
  process.kill(process.pid, 'SIGTERM');
  console.log('not printed: the process is gone');
}, 10);
setTimeout(() => console.log('not printed either'), 50);
