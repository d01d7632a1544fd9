const ns = require('./plain.mjs');
console.log(ns.named, ns.default, Object.keys(ns));
console.log(require('./plain.mjs') === ns);
try {
  require('./tla.mjs');
} catch (e) {
  console.log(e.code);
  console.log(e.message.split('\n')[0]);
}
