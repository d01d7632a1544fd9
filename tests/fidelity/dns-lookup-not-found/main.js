const dns = require('dns');
dns.lookup('no-such-host.invalid', (err) => console.log(err.code, err.syscall, err.hostname));
