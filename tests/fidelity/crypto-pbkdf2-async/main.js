const crypto = require('crypto');
crypto.pbkdf2('pw', 'salt', 5000, 16, 'sha512', (err, key) => {
  console.log('pbkdf2', err, key.toString('hex'));
});
setImmediate(() => console.log('immediate first'));
