import { x } from './x.mjs';
console.log('main', x);
