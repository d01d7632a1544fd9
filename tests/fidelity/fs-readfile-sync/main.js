const fs = require('fs');
console.log(fs.readFileSync('data.txt', 'utf8'));
console.log(fs.readFileSync('data.txt').length);
