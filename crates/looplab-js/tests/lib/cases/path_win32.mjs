// path.win32, ours vs node's, with cwd fixed on both sides: drives, drive-
// relative paths, UNC shares, device namespaces, reserved device names,
// mixed and trailing separators, '..' above a root, empty strings.
import nodePath from 'node:path';
import util from 'node:util';

const P = ['', '.', '..', '\\', '/', '\\\\', '///', 'C:', 'c:', 'C:\\', 'C:/', 'C:\\\\', 'C:foo', 'C:..\\..', 'C:\\..\\..\\x',
  'C:/a\\b//c/', 'D:\\x\\y.txt', 'a/b\\c', 'a\\..\\..\\b', '..\\..\\x\\', './x/./y/', 'x\\\\y\\\\', '\\\\server', '\\\\server\\',
  '\\\\server\\share', '\\\\server\\share\\', '//server/share/x/../..', '\\\\server\\\\share\\x\\y.z', '\\\\?\\C:\\a\\..\\..',
  '\\\\?\\x', '\\\\?\\x\\', '\\\\?', '\\\\.\\PIPE\\name', '//./COM1', 'CON', 'CONx', 'con:', 'COM1:x', 'AUX:\\', 'lpt3:a/b/',
  'x/COM1:/y', 'a/../C:x', 'a:', 'ab:', 'x/y:', 'x/y:z', 'C:x:', 'file.tar.gz', '.bashrc', 'C:.x', 'C:..', 'a.', '...',
  'C:\\dir\\file.txt', 'C:\\dir\\file.txt\\\\', 'İ\\x', 'é/ü.JS', ':', 'C:\\foo\\..\\..\\..\\bar', '\\foo\\\\bar\\'];
const Q = ['C:\\a\\b', 'c:\\A\\b\\c', 'C:\\', 'D:\\x', 'C:rel', '\\\\server\\share\\d', '\\x', 'y\\z', '', 'C:\\foobar', 'İ'];

const CALLS = [];
for (const p of P) {
  for (const fn of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath', 'resolve']) {
    CALLS.push([fn, [p]]);
  }
  CALLS.push(['basename', [p, '.txt']], ['basename', [p, p]], ['basename', [p, p.slice(-2)]], ['basename', [p, `x${p.slice(-2)}`]],
    ['resolve', ['C:\\base', p]], ['resolve', ['\\\\srv\\sh\\d', p]], ['resolve', [p, 'D:rel']], ['join', ['x', p]], ['join', [p, '..', 'y']],
    ['join', [p, 'COM1:', 'z']], ['format', [nodePath.win32.parse(p)]]);
  for (const q of Q) CALLS.push(['relative', [p, q]], ['relative', [q, p]]);
}
CALLS.push(['join', []], ['join', ['//', 'x']], ['join', ['//server', 'share']], ['join', ['\\\\\\', 'x']], ['join', ['', '//x', 'y']],
  ['resolve', []], ['resolve', ['C:', 'D:', 'x']], ['resolve', ['C:\\x', 'c:y', 'C:z']], ['toNamespacedPath', [null]],
  ['toNamespacedPath', [42]], ['_makeLong', ['C:\\x']], ['format', [{ root: 'C:\\', dir: 'C:\\', name: 'n', ext: 'e' }]],
  ['format', [{ dir: 'C:\\x', base: 'y' }]], ['format', [[]]], ['format', ['x']], ['join', ['a', 1]], ['resolve', ['a', null]],
  ['basename', [1]], ['basename', ['a', 2]], ['relative', [1, 'a']], ['dirname', [null]], ['parse', [{}]],
  ['matchesGlob', ['a\\b.js', 'a/*.js']], ['matchesGlob', ['C:\\x\\y.js', 'C:/x/**/*.js']], ['matchesGlob', ['a\\.b', 'a\\*']]);

const show = (f) => { try { return util.inspect(f()); } catch (e) { return `threw ${e.name} [${e.code}]: ${e.message}`; } };

export default function (t) {
  const ours = t.realm.require('path').win32;
  const W = nodePath.win32;
  t.realm.process.cwd = () => '/work/proj';
  const savedCwd = process.cwd;
  process.cwd = () => '/work/proj';
  try {
    for (const [fn, args] of CALLS) {
      t.check(`path.win32.${fn}(${args.map((a) => JSON.stringify(a)).join(', ')})`,
        show(() => ours[fn](...args)), show(() => W[fn](...args)));
    }
    // A drive-relative path starts from that drive's `=C:` directory; node
    // cannot set such a variable at run time, so compare with it spelled out.
    t.realm.process.env['=C:'] = 'C:\\dd\\e';
    t.check('path.win32.resolve("C:foo") with =C:', ours.resolve('C:foo'), W.resolve('C:\\dd\\e', 'foo'));
    t.realm.process.env['=C:'] = 'D:\\other';
    t.check('path.win32.resolve("C:foo") with =C: on another drive', ours.resolve('C:foo'), W.resolve('C:\\', 'foo'));
    delete t.realm.process.env['=C:'];
  } finally {
    process.cwd = savedCwd;
  }
  t.check('path.win32 keys', Object.keys(ours), Object.keys(W));
  t.check('path.win32 _makeLong', ours._makeLong === ours.toNamespacedPath, W._makeLong === W.toNamespacedPath);
}
