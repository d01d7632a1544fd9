'use strict';
// Looplab: dns. lookup() is getaddrinfo on the thread pool (slow I/O, at most half the workers):
// the simulated resolver's table in the page and `looplab run`, the OS's resolver with --real.
// An IP address or an empty name never reaches the pool (Node answers on nextTick). resolve*() is
// c-ares, off the pool; it answers from the simulated table in every mode.

const { submitOp } = require('internal/looplab/pool');
const { errnoByName } = require('internal/util/system_errors');
const tasks = internalBinding('tasks');

function ipFamily(host) {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return 4;
  if (host.includes(':')) return 6;
  return 0;
}

// getaddrinfo's failure by libuv's name; Node names "no such name" and "no data" ENOTFOUND.
function dnsError(syscall, hostname, eai) {
  const code = eai === 'EAI_NONAME' || eai === 'EAI_NODATA' ? 'ENOTFOUND' : eai;
  const err = new Error(`${syscall} ${code} ${hostname}`);
  err.errno = (eai.startsWith('EAI_') && errnoByName.get(eai)) || errnoByName.get('EAI_NONAME');
  err.code = code;
  err.syscall = syscall;
  err.hostname = hostname;
  Object.defineProperty(err, 'stack', {
    __proto__: null, value: `Error: ${err.message}`, writable: true, configurable: true,
  });
  return err;
}

function notFound(syscall, hostname) {
  return dnsError(syscall, hostname, 'EAI_NONAME');
}

function familyOf(option) {
  if (option === 'IPv4') return 4;
  if (option === 'IPv6') return 6;
  return option === 4 || option === 6 ? option : 0;
}

function lookup(hostname, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  if (typeof options === 'number') options = { family: options };
  options ??= {};
  const family = familyOf(options.family);
  const all = options.all === true;
  if (!hostname) {
    process.emitWarning(`The provided hostname "${hostname}" is not a valid hostname, and is supported in the dns module solely for compatibility.`, 'DeprecationWarning', 'DEP0118');
    if (all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    return {};
  }
  const literal = ipFamily(hostname);
  if (literal) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: literal }]);
    else process.nextTick(callback, null, hostname, literal);
    return {};
  }
  submitOp('lookup', [hostname, family], `dns.lookup ${hostname}`, (eai, found) => {
    if (eai !== undefined) return callback(dnsError('getaddrinfo', hostname, String(eai)));
    if (all) return callback(null, found.map(([address, fam]) => ({ address, family: fam })));
    callback(null, found[0][0], found[0][1]);
  });
  return {};
}

function addresses(hostname, family) {
  const fam = ipFamily(hostname);
  if (fam) return [[hostname, fam]];
  return tasks.simulatedHosts(String(hostname), family ?? 0);
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
