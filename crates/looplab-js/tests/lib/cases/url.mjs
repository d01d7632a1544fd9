// WHATWG URL and URLSearchParams, fileURLToPath/pathToFileURL, ours vs node's.
import util from 'node:util';
import * as nodeUrl from 'node:url';

const PARSE = [
  ['https://example.com'], ['https://user:pa ss@EXAMPLE.com:8080/a/b/../c/./d?q=1 2&x=é#frag ment'], ['HTTP://example.com:80/'],
  ['http://example.com:443/'], ['https://example.com:443/'], ['ws://h:81'], ['ftp://ftp.x.org:21/file'], ['http://[::1]:3000/x'],
  ['http://[2001:db8:0:0:0:0:2:1]/'], ['http://[::ffff:192.168.0.1]/'], ['http://192.168.0.1/'], ['http://0x7f.1/'], ['http://2130706433/'],
  ['http://1.2.3.256/'], ['http://ex%41mple.com/'], ['http://münchen.de/'], ['http://a b/'], ['http://exa<mple.com'], ['https://'],
  ['http://x/%zz%41/%2e/%2E%2e/y'], ['http://x/a\\b\\c'], ['http:\\\\x\\y'], ['http:/x/y'], ['http:x/y', 'http://base/a/'],
  ['mailto:someone@example.com?subject=hi there'], ['data:text/plain,hello world'], ['javascript:alert(1)'], ['urn:isbn:0451450523'],
  ['blob:https://a.com/uuid'], ['foo://host/path?q#f'], ['foo://host:99/'], ['foo:/p/../q'], ['foo://'], ['sc://ñ/'], ['non-spec:/.//p'],
  ['file:///home/user/a.txt'], ['file://localhost/etc/passwd'], ['file://host/share/x'], ['file:///C:/dir/../x'], ['file:/a/b'], ['file:c:\\x'],
  ['/path?x#y', 'https://b.com/dir/file?old#h'], ['../up', 'https://b.com/a/b/c'], ['?newq', 'https://b.com/p?old#h'], ['#only', 'https://b.com/p?q'],
  ['', 'https://b.com/p?q#h'], ['//other.org/x', 'https://b.com/'], ['sub/x', 'https://b.com'], ['./', 'http://b.com/a/b'], ['..', 'http://b.com/a/b/'],
  ['x', 'mailto:a@b'], ['#f', 'mailto:a@b'], ['rel', 'file:///home/u/f.txt'], ['not a url'], ['http://x', 'not a base'], ['  http://trim.me/  \t'],
  ['http://x/\ty\nz'], ['https://ex.com/?a=1&a=2&b=%20c+d'], ['https://ex.com/p?'], ['https://ex.com/p#'], ['HTTPS://EX.COM/PATH'], ['http://x:0/'], ['http://x:65536/'],
  ['http://x:abc/'], ['http://@x/'], ['http://u@x/'], ['http://:p@x/'], ['http://x.com./'], ['http://x..com/'], ['https://ex.com/😀?😀#😀'],
];

const SETTERS = [
  ['https://a.com/p?q#h', 'protocol', 'http'], ['https://a.com/p', 'protocol', 'ftp:'], ['https://a.com/p', 'protocol', 'foo'], ['https://a.com/', 'host', 'b.org:99'],
  ['https://a.com:1/', 'hostname', 'c.net'], ['https://a.com/', 'port', '8443'], ['https://a.com:9/', 'port', ''], ['https://a.com/', 'port', '443'], ['https://a.com/', 'port', '99999'],
  ['https://a.com/', 'username', 'me@x'], ['https://a.com/', 'password', 'p:w'], ['https://a.com/x', 'pathname', '/new path/ü'], ['https://a.com/x', 'pathname', 'rel'],
  ['https://a.com/x?old', 'search', 'a=1&b=2'], ['https://a.com/x?old', 'search', ''], ['https://a.com/x?old', 'search', '?q q'], ['https://a.com/x#old', 'hash', 'new'],
  ['https://a.com/x#old', 'hash', ''], ['https://a.com/x', 'href', 'http://other/'], ['mailto:x@y', 'pathname', 'z'], ['mailto:x@y', 'host', 'h'],
];

const show = (f) => { try { return util.inspect(f(), { depth: 3 }); } catch (e) { return `threw ${e.name} [${e.code}]: ${e.message} ${JSON.stringify([e.input, e.base])}`; } };
const fields = (u) => [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, String(u), JSON.stringify(u)];

export default function (t) {
  t.realm.process.cwd = () => process.cwd();
  const { URL, URLSearchParams, fileURLToPath, pathToFileURL, format, domainToASCII } = t.realm.require('url');
  for (const args of PARSE) {
    t.check(`new URL(${args.map((a) => JSON.stringify(a)).join(', ')})`,
      show(() => fields(new URL(...args))), show(() => fields(new nodeUrl.URL(...args))));
    t.check(`URL.canParse(${JSON.stringify(args)})`, URL.canParse(...args), nodeUrl.URL.canParse(...args));
  }
  for (const [href, key, value] of SETTERS) {
    t.check(`url.${key} = ${JSON.stringify(value)} on ${href}`,
      show(() => { const u = new URL(href); u[key] = value; return fields(u); }),
      show(() => { const u = new nodeUrl.URL(href); u[key] = value; return fields(u); }));
  }
  const ins = (U) => util.inspect(new U('https://u:p@ex.com:81/p?a=1&b=x%20y#h'));
  t.check('inspect(URL) (node inspect)', ins(URL).replace(/^URL/, 'URL'), ins(nodeUrl.URL));
  const ourUtil = t.realm.require('util');
  t.check('inspect(URL) (our inspect)', ourUtil.inspect(new URL('https://ex.com/p?a=1#h')), util.inspect(new nodeUrl.URL('https://ex.com/p?a=1#h')));

  const sp = (U, S) => {
    const out = [];
    const p = new S('?a=1&b=2&a=3&c=%20x+y&d&=e&f=');
    out.push(p.get('a'), p.getAll('a'), p.has('d'), p.get('zz'), p.toString(), [...p], [...p.keys()], p.size);
    p.append('new', 'v w&'); p.set('a', 'only'); p.delete('b'); p.sort();
    out.push(p.toString(), util.inspect(p), ourUtil.inspect(p));
    out.push(new S({ x: '1', y: 'ü' }).toString(), new S([['k', 'v'], ['k', 'w']]).toString(), new S('').toString(), new S('a=b=c&&x').toString());
    const u = new U('https://h/p?x=1');
    u.searchParams.append('y', '2 3');
    out.push(u.href, u.search);
    u.search = '?z=9';
    out.push(u.searchParams.get('z'), u.searchParams.has('x'));
    const e = []; new S('a=1&b=2').forEach((v, k) => e.push(k + v)); out.push(e);
    return out.map((x) => (typeof x === 'string' && x.includes('URLSearchParams') ? x : JSON.stringify(x)));
  };
  const ours = sp(URL, URLSearchParams);
  const theirs = sp(nodeUrl.URL, nodeUrl.URLSearchParams);
  // Each side's inspect prints its own instance; compare ours-by-ours with node-by-node.
  t.check('URLSearchParams', [...ours.slice(0, 9), ours[10], ...ours.slice(11)], [...theirs.slice(0, 10), ...theirs.slice(11)]);

  for (const p of ['/home/u/a b.txt', '/tmp/%/#?', 'rel/x', '/', '/ü/😀', '/a/b/']) {
    t.check(`pathToFileURL(${p})`, show(() => pathToFileURL(p).href), show(() => nodeUrl.pathToFileURL(p).href));
  }
  for (const u of ['file:///home/u/a%20b.txt', 'file:///tmp/%2F', 'file://host/x', 'http://x/', 'file:///%C3%BC']) {
    t.check(`fileURLToPath(${u})`, show(() => fileURLToPath(u)), show(() => nodeUrl.fileURLToPath(u)));
  }
  t.check('url.format', show(() => format(new URL('https://u:p@h/p?q#f'), { auth: false, search: false })),
    show(() => nodeUrl.format(new nodeUrl.URL('https://u:p@h/p?q#f'), { auth: false, search: false })));
  t.check('domainToASCII', [domainToASCII('EXAMPLE.com'), domainToASCII('xn--iñvalid.com'), domainToASCII('español.com')],
    [nodeUrl.domainToASCII('EXAMPLE.com'), nodeUrl.domainToASCII('xn--iñvalid.com'), nodeUrl.domainToASCII('español.com')]);
  for (const s of ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', '/rel/path?x=1', 'mailto:a@b.c', '//host/p']) {
    t.check(`url.parse(${s})`, show(() => ({ ...t.realm.require('url').parse(s) })), show(() => ({ ...nodeUrl.parse(s) })));
  }
}
