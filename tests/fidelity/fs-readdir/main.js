const fs = require('fs');
console.log(fs.readdirSync('sub'));
fs.readdir('sub', (err, names) => console.log('async', err, names));
