const { setTimeout: sleep, setImmediate: immediate } = require('timers/promises');
(async () => {
  const v = await sleep(10, 'slept');
  console.log(v);
  console.log(await immediate('imm'));
})();
