import { helper } from './helpers/missing.mjs';
console.log('never', helper);
