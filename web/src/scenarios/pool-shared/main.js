const crypto = require('crypto');
const fs = require('fs');
const start = Date.now();
for (let i = 1; i <= 4; i++) {
  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => console.log(`hash ${i}: ${Date.now() - start} ms`));
}
fs.readFile(__filename, () => console.log(`readFile: ${Date.now() - start} ms`));
