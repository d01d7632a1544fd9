import { kind as a } from './pkg/modern.js';
import { kind as b } from './pkg/legacy.cjs';
import c from './plain.js';
console.log(a);
console.log(b);
console.log(c.kind);
