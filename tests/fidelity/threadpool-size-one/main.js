const crypto = require('crypto');
const order = [];
for (let i = 1; i <= 3; i++) {
  crypto.pbkdf2('pw', 'salt', 20000, 16, 'sha512', () => {
    order.push(i);
    if (order.length === 3) console.log('count', order.length);
  });
}
