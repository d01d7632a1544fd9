const fs = require('fs');

console.log('asking for a file');
fs.readFile(__filename, 'utf8', (err, text) => {
  console.log('got', text.length, 'characters');
});
console.log('main script done');
