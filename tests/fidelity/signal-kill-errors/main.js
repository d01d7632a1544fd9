// process.kill checks its arguments as Node does, and a listener for a signal that cannot be
// caught fails in uv_signal_start. Node closes that handle at once; closing handles keep the loop
// alive for one iteration, whose poll phase reads the SIGUSR2 waiting in the signal pipe.
process.on('SIGUSR2', (name) => console.log('caught', name));
process.kill(process.pid, 'SIGUSR2');
const attempts = {
  'no pid': () => process.kill(),
  'a pid that is not a number': () => process.kill('abc'),
  'a fractional pid': () => process.kill(1.5),
  'an unknown name': () => process.kill(process.pid, 'SIGFOO'),
  'a lower-case name': () => process.kill(process.pid, 'sigint'),
  'a name from Object.prototype': () => process.kill(process.pid, 'constructor'),
  'a number too high': () => process.kill(process.pid, 1000),
  'a negative number': () => process.kill(process.pid, -1),
  'a process that does not exist': () => process.kill(99999999, 0),
  'a listener for SIGKILL': () => process.on('SIGKILL', () => {}),
  'a listener for SIGSTOP': () => process.on('SIGSTOP', () => {}),
};
for (const [what, attempt] of Object.entries(attempts)) {
  try {
    console.log(what, 'returned', attempt());
  } catch (err) {
    console.log(`${what}: ${err.name} [${err.code}] ${err.message}`, err.errno, err.syscall);
  }
}
console.log('SIGKILL listeners:', process.listenerCount('SIGKILL'));
process.on('exit', (code) => console.log('exit', code));
