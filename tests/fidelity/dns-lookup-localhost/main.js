const dns = require('dns');
dns.lookup('localhost', { family: 4 }, (err, address, family) => console.log('localhost', err, address, family));
