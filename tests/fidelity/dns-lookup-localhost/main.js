const dns = require('dns');
dns.lookup('127.0.0.1', (err, address, family) => console.log('ip', err, address, family));
dns.lookup('no-such-host.invalid', (err) => console.log(err.code, err.syscall, err.hostname));
