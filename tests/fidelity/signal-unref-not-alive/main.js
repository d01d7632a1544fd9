// Node unrefs the signal handle behind process.on('SIGUSR2'): with nothing else to do the loop
// is not alive, never polls, and the signal waiting in the signal pipe is never read. Everything
// is printed from 'exit': a write to a piped stdout finishes in the pending phase, and that would
// keep the loop alive for one iteration.
const lines = [];
const log = (...args) => lines.push(args.join(' '));
process.on('SIGUSR2', () => log('not printed: the loop never polls'));
log('SIGUSR2 to itself:', process.kill(process.pid, 'SIGUSR2'));
log('signal 0 only checks:', process.kill(process.pid, 0), process.kill(String(process.pid), 0));
log('SIGWINCH is ignored by default:', process.kill(process.pid, 'SIGWINCH'));
process.on('beforeExit', (code) => log('beforeExit', code));
process.on('exit', (code) => {
  log('exit', code);
  console.log(lines.join('\n'));
});
