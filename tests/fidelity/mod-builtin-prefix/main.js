const m = require('module');
console.log(require('node:fs') === require('fs'), require('node:path') === require('path'));
console.log(m.isBuiltin('node:fs'), m.isBuiltin('fs/promises'), m.isBuiltin('nope'));
try { require('node:nope'); } catch (e) { console.log(e.code, e.message); }
try { require('nope'); } catch (e) { console.log(e.code); }
console.log(m.builtinModules.includes('events'), typeof m.createRequire);
const r = m.createRequire(__filename);
console.log(r('./package.json').private);
