const fs = require('fs');
try {
  fs.readFileSync('missing.txt');
} catch (e) {
  console.log(e.message, e.code, e.errno, e.syscall);
}
