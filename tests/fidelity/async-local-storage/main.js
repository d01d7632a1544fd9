// AsyncLocalStorage: a store set by run() follows every callback scheduled inside it (timers,
// immediates, nextTick, promise reactions, await, pool requests) and not those scheduled outside;
// a promise reaction keeps the store of the `then`, not of whoever resolves the promise.
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const fs = require('fs');

const als = new AsyncLocalStorage();
const log = (where) => console.log(where, JSON.stringify(als.getStore()));

log('outside');
als.run({ request: 1 }, () => {
  log('inside run');
  process.nextTick(() => log('nextTick'));
  Promise.resolve().then(() => log('then'));
  queueMicrotask(() => log('queueMicrotask'));
  setImmediate(() => {
    log('immediate');
    fs.readFile(__filename, () => {
      log('readFile callback');
      als.run({ request: 2 }, () => setTimeout(() => {
        log('timer set inside a nested run');
        als.run({ request: 3 }, secondPart);
      }, 1));
    });
  });
  (async () => {
    await null;
    log('after await');
  })();
});
log('outside again');

let resolveLater;
new Promise((resolve) => { resolveLater = resolve; }).then(() => log('then registered outside, resolved inside'));

function secondPart() {
  resolveLater();
  const resource = new AsyncResource('Job');
  als.exit(() => log('exit'));
  const snapshot = AsyncLocalStorage.snapshot();
  als.run({ request: 4 }, () => {
    snapshot(() => log('snapshot taken in 3, run in 4'));
    resource.runInAsyncScope(() => log('resource made in 3'));
    const iv = setInterval(() => {
      log('interval');
      clearInterval(iv);
      als.enterWith({ request: 5 });
      setTimeout(() => log('timer after enterWith'), 1);
    }, 1);
  });
}
