console.log(process.version, process.platform, typeof process.pid);
console.log(process.argv.length, require('path').basename(process.argv[1]));
console.log(typeof process.env, process.cwd() === __dirname);
console.log(Array.isArray(process.hrtime()), typeof process.hrtime.bigint());
console.log(typeof process.memoryUsage().heapUsed);
