// util.promisify(setTimeout) and util.promisify(setImmediate) give the promise forms from
// timers/promises (the timers' util.promisify.custom), which resolve with the value passed.
const util = require('util');
const timersPromises = require('timers/promises');

const sleep = util.promisify(setTimeout);
const nextTurn = util.promisify(setImmediate);
console.log('sleep is timers/promises setTimeout:', sleep === timersPromises.setTimeout);
console.log('nextTurn is timers/promises setImmediate:', nextTurn === timersPromises.setImmediate);
console.log('setTimeout has a custom promisify:', typeof setTimeout[util.promisify.custom]);
console.log('setInterval has none:', setInterval[util.promisify.custom]);

async function main() {
  const start = Date.now();
  const value = await sleep(20, 'slept');
  console.log('sleep resolved with', value, 'after at least 20 ms:', Date.now() - start >= 20);
  console.log('nextTurn resolved with', await nextTurn('next turn'));
  const order = [];
  await Promise.all([
    sleep(10, 'ten').then((v) => order.push('timeout: ' + v)),
    nextTurn().then(() => order.push('immediate')),
  ]);
  console.log('order:', order.join(', '));
  const controller = new AbortController();
  const cancelled = sleep(1000, 'never', { signal: controller.signal });
  controller.abort();
  await cancelled.catch((err) => console.log('cancelled:', err.name, err.code));
}
main();
