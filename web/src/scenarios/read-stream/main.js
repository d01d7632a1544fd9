const fs = require('fs');

// This very file, read 200 bytes at a time (the default is 64 KiB):
// each piece is one trip to the thread pool and one 'data' event.
const stream = fs.createReadStream(__filename, { highWaterMark: 200 });

stream.on('open', () => console.log('opened'));
stream.on('data', (chunk) => console.log('chunk of', chunk.length, 'bytes'));
stream.on('end', () => console.log('end'));
stream.on('close', () => console.log('closed'));

setImmediate(() => console.log('the loop runs other callbacks meanwhile'));
