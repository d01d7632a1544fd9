console.log(typeof require('node:fs').readFileSync, typeof require('events'), typeof require('util').inspect);
console.log(require('fs') === require('node:fs'));
try { require('node:nope'); } catch (e) { console.log(e.code); }
