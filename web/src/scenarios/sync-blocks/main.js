const crypto = require('crypto');
const start = Date.now();
setTimeout(() => console.log(`timer ran after ${Date.now() - start} ms`), 0);
crypto.pbkdf2Sync('secret', 'salt', 20000, 64, 'sha512');
console.log('hash done on the main thread');
