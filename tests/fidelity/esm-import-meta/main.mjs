import { url, dirname } from './sub/inner.mjs';
import { fileURLToPath } from 'node:url';
const here = fileURLToPath(new URL('.', import.meta.url));
console.log(url.startsWith('file:///'), url.slice(-14), dirname === here + 'sub');
console.log(import.meta.filename === fileURLToPath(import.meta.url), typeof import.meta.resolve);
console.log(import.meta.resolve('./sub/inner.mjs') === url);
console.log(typeof require, typeof module, typeof __filename, this);
