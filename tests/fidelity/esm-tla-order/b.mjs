import './d.mjs';
console.log('b starts');
await null;
console.log('b resumes');
