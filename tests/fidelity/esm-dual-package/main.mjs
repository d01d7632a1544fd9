import { flavour } from 'dual';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
console.log(flavour, require('dual').flavour);
const path = await import('node:path');
console.log(path.basename(require.resolve('dual')), path.basename(import.meta.resolve('dual')));
