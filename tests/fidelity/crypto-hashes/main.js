const crypto = require('crypto');
for (const alg of ['md5', 'sha1', 'sha256', 'sha512']) {
  console.log(alg, crypto.createHash(alg).update('hello').update(' world').digest('hex'));
}
console.log(crypto.createHash('sha256').update('abc').digest('base64'));
console.log(crypto.createHmac('sha256', 'secret').update('message').digest('hex'));
console.log(crypto.createHash('md5').update(Buffer.from([1, 2, 3])).digest().length);
