Promise.resolve().then(() => {
  setTimeout(() => console.log('timeout from promise'), 0);
  setImmediate(() => console.log('immediate from promise'));
});
require('fs').readFile(__filename, () => console.log('io'));
