// A long job cut into slices with setImmediate lets a timer run between them.
const order = [];
setTimeout(() => order.push('timer'), 1);
let slices = 0;
function slice() {
  let x = 0;
  for (let i = 0; i < 1e5; i++) x += i;
  slices++;
  if (slices < 50) setImmediate(slice);
  else {
    order.push('job done');
    console.log(order.join(' -> '));
  }
}
slice();
