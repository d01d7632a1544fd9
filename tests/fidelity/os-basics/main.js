const os = require('os');
console.log(os.EOL === '\n', os.platform(), typeof os.cpus().length, os.endianness());
console.log(typeof os.tmpdir(), typeof os.hostname());
