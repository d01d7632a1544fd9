import { even } from './even.mjs';
import { odd } from './odd.mjs';
console.log(even(10), odd(7));
