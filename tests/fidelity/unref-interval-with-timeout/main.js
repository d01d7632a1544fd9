let n = 0;
const iv = setInterval(() => console.log('iv', ++n), 20).unref();
setTimeout(() => console.log('timeout 25'), 25);
