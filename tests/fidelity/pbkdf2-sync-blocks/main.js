// pbkdf2Sync runs on the main thread and holds the loop; pbkdf2 runs on the pool and does not.
const crypto = require('crypto');
const t0 = Date.now();
setTimeout(() => {
  const late = Date.now() - t0;
  console.log('sync: timer waited for the hash:', late >= hashTime);
  const t1 = Date.now();
  setTimeout(() => {
    console.log('async: timer fired before the hash:', !asyncDone);
    console.log('async: timer on time:', Date.now() - t1 < 50);
  }, 1);
  let asyncDone = false;
  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => {
    asyncDone = true;
    console.log('async: hash done');
  });
}, 1);
crypto.pbkdf2Sync('secret', 'salt', 100000, 64, 'sha512');
const hashTime = Date.now() - t0;
console.log('sync: the hash took over 20 ms:', hashTime > 20);
