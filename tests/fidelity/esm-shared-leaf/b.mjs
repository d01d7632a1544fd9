import { leaf } from './leaf.mjs';
import { a } from './a.mjs';
console.log('b evaluates, a =', a);
export const b = 'B' + leaf;
