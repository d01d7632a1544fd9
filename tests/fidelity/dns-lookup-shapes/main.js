const dns = require('dns');
dns.lookup('', (e, a, f) => console.log('empty', e, a, f));
dns.lookup('127.0.0.1', (e, a, f) => console.log('ip', e, a, f));
dns.lookup('::1', { all: true }, (e, a) => console.log('ip6 all', e, a));
// One getaddrinfo at a time: two on the pool at once finish in either order.
dns.lookup('localhost', { family: 4, all: true }, (e, a) => {
  console.log('all', e, a);
  dns.lookup('localhost', { family: 'IPv4' }, (e2, a2, f2) => {
    console.log('localhost', e2, a2, f2);
    dns.promises.lookup('localhost', 4).then((r) => console.log('promise', r));
  });
});
process.nextTick(() => console.log('tick'));
