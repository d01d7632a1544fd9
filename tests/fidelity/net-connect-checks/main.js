// net.connect checks its options before it starts: something to connect to, a local address
// that is an IP, a lookup that is a function, no object mode. A custom lookup's
// error fails the connection, after the call has returned.
const net = require('net');

function attempt(label, fn) {
  try {
    fn();
    console.log(`${label}: accepted`);
  } catch (err) {
    console.log(`${label}: ${err.name} ${err.code}: ${err.message}`);
  }
}

attempt('connect()', () => net.connect());
attempt('connect({})', () => net.connect({}));
attempt('localAddress', () => net.connect({ port: 1, localAddress: 'not-an-ip' }));
attempt('localPort', () => net.connect({ port: 1, localPort: 'x' }));
attempt('lookup', () => net.connect({ port: 1, host: 'example', lookup: 'dns' }));
attempt('objectMode', () => net.connect({ port: 1, objectMode: true }));
attempt('setTimeout(-1)', () => new net.Socket().setTimeout(-1));
attempt('setTimeout("5")', () => new net.Socket().setTimeout('5'));
attempt('setTimeout callback', () => new net.Socket().setTimeout(5, 'later'));
for (const ip of ['::1', '1::2::3', '::ffff:127.0.0.1', '1.2.3.4::', 'fe80::1%eth0', '127.0.0.256']) {
  console.log(`isIP(${JSON.stringify(ip)}) = ${net.isIP(ip)}`);
}

const socket = net.connect({
  port: 9,
  host: 'made.up',
  lookup: (host, options, cb) => cb(Object.assign(new Error(`no such host ${host}`), { code: 'ENOTFOUND' })),
});
socket.on('error', (err) => console.log('error:', err.code, err.message));
socket.on('close', () => console.log('close'));
