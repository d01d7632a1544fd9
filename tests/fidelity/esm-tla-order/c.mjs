import './d.mjs';
console.log('c');
