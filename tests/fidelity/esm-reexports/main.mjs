import * as lib from './index.mjs';
import { circle, colors, primary, shapesDefault } from './index.mjs';
console.log(Object.keys(lib));
console.log(circle, colors.blue, primary, shapesDefault, 'default' in lib);
console.log(lib[Symbol.toStringTag], Object.getPrototypeOf(lib));
