const fs = require('fs');
const st = fs.statSync('data.txt');
console.log(st.isFile(), st.isDirectory(), st.size);
fs.stat('.', (err, s) => console.log('dir', err, s.isDirectory()));
console.log(fs.existsSync('data.txt'), fs.existsSync('nope'));
