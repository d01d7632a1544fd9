import { y, readX } from './y.mjs';
console.log('x evaluates, y =', y);
export const x = 'X';
console.log('now readX() =', readX());
