// Legacy url.parse/format/resolve, querystring, and more URL/URLSearchParams
// behaviour, ours vs node's.
import util from 'node:util';
import * as nodeUrl from 'node:url';
import nodeQs from 'node:querystring';
import { createRequire } from 'node:module';

const nodeUrlKeys = Object.keys(createRequire(import.meta.url)('url'));

const show = (f) => { try { return util.inspect(f(), { depth: 4 }); } catch (e) { return `threw ${e.name} [${e.code}]: ${e.message}`; } };

const LEGACY = ['HTTP://Ex.COM', 'http://x.com/a b<c>?q="1"#h h', 'javascript:alert(1)', 'file:///etc/passwd', 'http://[::1]:80/x',
  'a.com/x', 'https://u@h:99?x#y', 'http://h\\a\\b?c\\d', '  http://trim.me/x  ', '?only=query', '#frag', 'ftp://x/'];
const FORMATS = [
  { protocol: 'http', host: 'a.com', pathname: '/x', query: { a: 1, b: ['x', 'y'] } }, { protocol: 'mailto', auth: 'a', hostname: 'b' },
  { protocol: 'https:', hostname: 'h', port: 8080, pathname: 'p?q#r', search: 'z=1', hash: 'top' }, { pathname: '/just/path' },
  { protocol: 'file', pathname: '/etc' }, 'http://a.com/x?y#z',
];
const RESOLVE = [['http://a/b/c', '../d'], ['/one/two', 'three'], ['http://a/', 'https://b/x'], ['http://a/b/c', '/e'], ['http://a/b/c?q', '?r'],
  ['http://a/b/c', '#h'], ['one/two', '../x']];
const QS_PARSE = [['a=1&a=2&b=%E2%82%AC&c=+x'], ['a=%zz&b'], ['a:1;b:2', ';', ':'], ['a=1&a=2&a=3&b', null, null, { maxKeys: 2 }], [''],
  ['x=%F0%9F%98%80&y=a%20b+c'], ['=v&k=']];
const QS_STRINGIFY = [[{ a: [1, 2], b: true, c: {}, d: null, e: 1n, f: 'é ü', g: NaN }], [{ a: 1, b: 2 }, ';', ':'], ['str'], [{ 'k y': "v*!'()~" }]];

export default function (t) {
  const url = t.realm.require('url');
  const qs = t.realm.require('querystring');
  for (const s of LEGACY) {
    t.check(`url.parse(${JSON.stringify(s)})`, show(() => ({ ...url.parse(s) })), show(() => ({ ...nodeUrl.parse(s) })));
  }
  t.check('url.parse query object', show(() => ({ ...url.parse('http://h/p?a=1&a=2', true) })), show(() => ({ ...nodeUrl.parse('http://h/p?a=1&a=2', true) })));
  t.check('url.parse slashesDenoteHost', show(() => ({ ...url.parse('//host/p', true, true) })), show(() => ({ ...nodeUrl.parse('//host/p', true, true) })));
  for (const f of FORMATS) {
    t.check(`url.format(${JSON.stringify(f)})`, show(() => url.format(f)), show(() => nodeUrl.format(f)));
  }
  for (const [a, b] of RESOLVE) t.check(`url.resolve(${a}, ${b})`, show(() => url.resolve(a, b)), show(() => nodeUrl.resolve(a, b)));
  t.check('url keys', Object.keys(url), nodeUrlKeys);
  t.check('urlToHttpOptions', show(() => url.urlToHttpOptions(new url.URL('https://u:p@[::1]:81/a?b#c'))),
    show(() => nodeUrl.urlToHttpOptions(new nodeUrl.URL('https://u:p@[::1]:81/a?b#c'))));
  for (const args of QS_PARSE) t.check(`querystring.parse(${JSON.stringify(args)})`, show(() => qs.parse(...args)), show(() => nodeQs.parse(...args)));
  for (const args of QS_STRINGIFY) {
    t.check(`querystring.stringify(${util.inspect(args)})`, show(() => qs.stringify(...args)), show(() => nodeQs.stringify(...args)));
  }
  t.check('querystring misc', [qs.escape("a b~*!'()"), qs.unescape('%41%zz'), String(qs.unescapeBuffer('%41+b')), Object.keys(qs)],
    [nodeQs.escape("a b~*!'()"), nodeQs.unescape('%41%zz'), String(nodeQs.unescapeBuffer('%41+b')), Object.keys(nodeQs)]);
  const sp = (U, S) => {
    const out = [];
    const u = new U('https://h/p?a=1#f');
    const p = u.searchParams;
    p.set('b', 'x y'); out.push(u.href);
    u.hash = ''; u.search = '';
    out.push(u.href, p.size, [...p]);
    u.href = 'http://other/?z=%20';
    out.push(p.get('z'), u.searchParams === p);
    const q = new S('a=1&b=2&a=3');
    q.delete('a', '3'); out.push(q.toString(), q.has('a', '1'), q.has('a', '3'));
    for (const bad of [[['a']], [1], 5]) { try { out.push(new S(bad).toString()); } catch (e) { out.push(`${e.name} ${e.code} ${e.message}`); } }
    try { q.get(); } catch (e) { out.push(`${e.name} ${e.code} ${e.message}`); }
    try { new U(); } catch (e) { out.push(`${e.name} ${e.code} ${e.message}`); }
    out.push(String(new U('blob:https://a.com:8/x').origin), new U('file:///x').origin, new U('foo://h/x').origin);
    out.push(Object.prototype.toString.call(u), Object.prototype.toString.call(p), Object.keys(u).length);
    if (typeof U.parse === 'function') out.push(String(U.parse('http://x/a')), U.parse('nope'), String(U.parse('/p', 'https://h')), Object.getOwnPropertyNames(U).includes('parse'));
    return out;
  };
  t.check('URL and URLSearchParams more', show(() => sp(url.URL, url.URLSearchParams)), show(() => sp(nodeUrl.URL, nodeUrl.URLSearchParams)));
  const ourUtil = t.realm.require('util');
  const many = (S) => { const p = new S(); for (let i = 0; i < 8; i++) p.append(`key${i}`, `value number ${i}`); return p; };
  t.check('inspect long URLSearchParams', ourUtil.inspect(many(url.URLSearchParams)), util.inspect(many(nodeUrl.URLSearchParams)));
  t.check('inspect empty URLSearchParams', ourUtil.inspect(new url.URLSearchParams()), util.inspect(new nodeUrl.URLSearchParams()));
}
