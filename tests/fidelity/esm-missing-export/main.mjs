import { format } from './lib/util.mjs';
console.log('never', format);
