const crypto = require('crypto');
const start = Date.now();
for (let i = 1; i <= 4; i++) {
  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => {
    console.log(`hash ${i} done after ${Date.now() - start} ms`);
  });
}
console.log('all four hashes started');
