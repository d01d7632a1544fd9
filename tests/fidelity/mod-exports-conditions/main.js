console.log(require('dual'));
console.log(require('dual/feature'));
console.log(require('dual/package.json').name);
for (const id of ['dual/internal', 'dual/internal.js', 'dual/nope']) {
  try { require(id); } catch (e) { console.log(e.code, e.message); }
}
