import { s } from './static.mjs';
console.log('main starts');
const ns = await import('./lazy.mjs');
console.log(ns.value, ns.default(), Object.keys(ns));
const again = await import('./lazy.mjs');
const viaStatic = await import('./static.mjs');
console.log(again === ns, viaStatic.s === s);
const name = './' + 'la' + 'zy.mjs';
console.log((await import(name)) === ns);
