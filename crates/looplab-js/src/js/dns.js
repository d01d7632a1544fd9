'use strict';
// Looplab: dns on a simulated resolver. lookup() is getaddrinfo on the thread pool (slow I/O, at most
// half the workers); resolve*() is c-ares, off the pool.

const { submit } = require('internal/looplab/pool');

const HOSTS = {
  __proto__: null,
  localhost: [['127.0.0.1', 4], ['::1', 6]],
  'example.com': [['93.184.215.14', 4], ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 6]],
  'looplab.test': [['10.0.0.7', 4]],
};

function ipFamily(host) {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return 4;
  if (host.includes(':')) return 6;
  return 0;
}

function notFound(syscall, hostname) {
  const err = new Error(`${syscall} ENOTFOUND ${hostname}`);
  err.errno = -3008;
  err.code = 'ENOTFOUND';
  err.syscall = syscall;
  err.hostname = hostname;
  Object.defineProperty(err, 'stack', {
    __proto__: null, value: `Error: ${err.message}`, writable: true, configurable: true,
  });
  return err;
}

function addresses(hostname, family) {
  const fam = ipFamily(hostname);
  if (fam) return [[hostname, fam]];
  const all = HOSTS[String(hostname).toLowerCase()];
  if (!all) return undefined;
  return family ? all.filter(([, f]) => f === family) : all;
}

function lookup(hostname, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  if (typeof options === 'number') options = { family: options };
  options ??= {};
  const found = addresses(hostname, options.family);
  submit('dns', 0, `dns.lookup ${hostname}`, () => {
    if (!found || found.length === 0) return callback(notFound('getaddrinfo', hostname));
    if (options.all) return callback(null, found.map(([address, family]) => ({ address, family })));
    callback(null, found[0][0], found[0][1]);
  });
  return {};
}

// c-ares answers over its own sockets in the poll phase; a short internal delay stands in for it.
function resolver(family, rrtype) {
  return function resolve(hostname, callback) {
    const found = addresses(hostname, family);
    require('timers').scheduleInternal(2, () => {
      if (!found || found.length === 0) callback(notFound(`query${rrtype}`, hostname));
      else callback(null, found.map(([a]) => a));
    });
  };
}

const resolve4 = resolver(4, 'A');
const resolve6 = resolver(6, 'AAAA');

function resolve(hostname, rrtype, callback) {
  if (typeof rrtype === 'function') { callback = rrtype; rrtype = 'A'; }
  return (rrtype === 'AAAA' ? resolve6 : resolve4)(hostname, callback);
}

const promises = {
  lookup: (hostname, options) => new Promise((res, rej) => {
    lookup(hostname, options ?? {}, (err, address, family) => {
      if (err) rej(err);
      else if (Array.isArray(address)) res(address);
      else res({ address, family });
    });
  }),
  resolve4: (h) => new Promise((res, rej) => resolve4(h, (e, a) => (e ? rej(e) : res(a)))),
  resolve6: (h) => new Promise((res, rej) => resolve6(h, (e, a) => (e ? rej(e) : res(a)))),
};

module.exports = { lookup, resolve, resolve4, resolve6, promises, NOTFOUND: 'ENOTFOUND' };
