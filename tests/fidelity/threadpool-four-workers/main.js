const crypto = require('crypto');
const done = [];
for (let i = 1; i <= 6; i++) {
  crypto.pbkdf2('pw', 'salt', 200000, 16, 'sha512', () => {
    done.push(i);
    if (done.length === 4) console.log('first four done (in some order):', done.slice().sort().join(','));
    if (done.length === 6) console.log('last two:', done.slice(4).sort().join(','));
  });
}
