let n = 0;
const iv = setInterval(() => console.log('iv', ++n), 10).unref();
setTimeout(() => console.log('timeout 35'), 35);
