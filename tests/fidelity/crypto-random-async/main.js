const crypto = require('crypto');
crypto.randomBytes(32, (err, buf) => {
  console.log('randomBytes', err, buf.length, Buffer.isBuffer(buf));
  const target = Buffer.alloc(8, 0xff);
  crypto.randomFill(target, 2, 4, (err2, same) => {
    console.log('randomFill', err2, same === target, target[0], target[1], target[6], target[7]);
  });
});
console.log('sync', crypto.randomBytes(4).length);
