// A long job cut into slices with setImmediate lets a timer run between them.
const t0 = Date.now();
const order = [];
setTimeout(() => order.push('timer'), 5);
let slices = 0;
function slice() {
  let x = 0;
  for (let i = 0; i < 1e6; i++) x += i;
  slices++;
  if (Date.now() - t0 < 40 && slices < 200) setImmediate(slice);
  else {
    order.push('job done');
    console.log(order.join(' -> '));
    console.log('the timer ran between slices:', order[0] === 'timer');
  }
}
slice();
