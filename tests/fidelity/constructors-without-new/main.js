// Node's older constructors make an instance when called without `new`.
const fs = require('fs');
const zlib = require('zlib');
const http = require('http');
const crypto = require('crypto');

const gzip = zlib.Gzip();
console.log('Gzip()', gzip instanceof zlib.Gzip, gzip.constructor === zlib.Gzip);
const gunzip = zlib.Gunzip({ chunkSize: 1024 });
console.log('Gunzip()', gunzip instanceof zlib.Gunzip);

const agent = http.Agent({ keepAlive: true });
console.log('Agent()', agent instanceof http.Agent, agent.keepAlive === undefined ? 'no keepAlive field' : agent.keepAlive);

const hash = crypto.Hash('sha256');
console.log('Hash()', hash.update('abc').digest('hex').slice(0, 16));

const stream = fs.ReadStream(__filename, { start: 0, end: 2 });
console.log('ReadStream()', stream instanceof fs.ReadStream, stream.constructor === fs.ReadStream);
stream.on('data', (d) => console.log('read', JSON.stringify(d.toString())));
stream.on('close', () => {
  gzip.end('hi');
  gzip.pipe(zlib.Gunzip()).on('data', (d) => console.log('round trip', d.toString()));
});
