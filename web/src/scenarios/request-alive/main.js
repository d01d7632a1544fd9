const fs = require('fs');
fs.readFile(__filename, () => console.log('read done'));
