const fs = require('fs');
fs.readFile('missing.txt', (err, data) => {
  console.log(err.message);
  console.log(err.code, err.errno, err.syscall, err.path, data);
});
