import util from './util.js';
console.log('modern.mjs runs (ES module)');
export const shout = (s) => util.upper(s) + '!';
