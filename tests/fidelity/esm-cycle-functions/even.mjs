import { odd } from './odd.mjs';
export function even(n) { return n === 0 ? true : odd(n - 1); }
console.log('even evaluated', even(4));
