const dns = require('dns');
dns.lookup('localhost', (err, address) => {
  console.log('localhost is', err ? err.code : address);
});
console.log('lookup started');
