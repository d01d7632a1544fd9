// timeout.refresh() called in the timer's own callback arms it again, from the time of the
// refresh: the one setTimeout fires three times, and keeps the process alive meanwhile.
const start = Date.now();
let fired = 0;
const timer = setTimeout(function () {
  fired++;
  console.log('fired', fired, 'this is the timer:', this === timer, 'destroyed:', timer._destroyed);
  if (fired < 3) timer.refresh();
}, 30);

// A timer refreshed and then cleared in its callback does not come back.
let other = 0;
const cleared = setTimeout(() => {
  other++;
  cleared.refresh();
  clearTimeout(cleared);
  console.log('cleared after refresh, ran', other, 'time(s)');
}, 10);

process.on('exit', () => {
  console.log('fired', fired, 'times; at least 90 ms passed:', Date.now() - start >= 90);
  console.log('after the last run, destroyed:', timer._destroyed, 'hasRef:', timer.hasRef());
});
