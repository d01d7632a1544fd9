const crypto = require('crypto');
console.log(crypto.randomBytes(8).length);
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
crypto.randomBytes(16, (err, buf) => console.log('async', err, buf.length));
const n = crypto.randomInt(10);
console.log(n >= 0 && n < 10);
