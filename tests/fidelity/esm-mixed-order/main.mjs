import { createRequire } from 'node:module';
import a from './a.cjs';
import { fromEsm } from './b.mjs';
import { c } from './c.cjs';
const require = createRequire(import.meta.url);
console.log('main runs', a.fromCjs, fromEsm, c, require('./data.json').answer);
console.log(require('./a.cjs') === a);
