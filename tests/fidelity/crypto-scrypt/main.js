const crypto = require('crypto');
console.log(crypto.scryptSync('password', 'salt', 16, { N: 1024 }).toString('hex'));
crypto.scrypt('password', 'salt', 16, { N: 1024 }, (err, key) => console.log('async', key.toString('hex')));
