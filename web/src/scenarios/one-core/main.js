const crypto = require('crypto');
const start = Date.now();
crypto.pbkdf2('a', 'salt', 100000, 64, 'sha512', () => console.log(`a: ${Date.now() - start} ms`));
crypto.pbkdf2('b', 'salt', 100000, 64, 'sha512', () => console.log(`b: ${Date.now() - start} ms`));
