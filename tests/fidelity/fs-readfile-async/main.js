const fs = require('fs');
fs.readFile('data.txt', 'utf8', (err, text) => {
  console.log('err', err);
  console.log('text', JSON.stringify(text));
});
console.log('scheduled');
