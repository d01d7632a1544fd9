import { even } from './even.mjs';
export function odd(n) { return n === 0 ? false : even(n - 1); }
console.log('odd evaluated', odd(3));
