import { x } from './x.mjs';
console.log('y evaluates first');
try {
  console.log(x);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
export const y = 'Y';
export function readX() { return x; }
