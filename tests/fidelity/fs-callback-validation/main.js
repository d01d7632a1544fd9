const fs = require('fs');
try {
  fs.readFile('data.txt');
} catch (e) {
  console.log(e.code, e.message);
}
