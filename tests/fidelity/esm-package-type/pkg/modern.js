export const kind = 'ESM because of "type": "module"';
console.log('modern.js', typeof require);
