setTimeout(() => console.log('timer finally runs'), 0);
let n = 0;
function again() {
  if (++n < 5) process.nextTick(again);
  console.log('nextTick', n);
}
process.nextTick(again);
