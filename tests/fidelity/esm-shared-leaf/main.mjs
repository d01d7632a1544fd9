import { a } from './a.mjs';
import { b } from './b.mjs';
console.log('main', a, b);
