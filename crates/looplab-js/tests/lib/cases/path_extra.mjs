// path edge cases and path.win32 basics, ours vs node's.
import nodePath from 'node:path';
import util from 'node:util';

const POSIX = [
  ['basename', ['ab', 'ab']], ['basename', ['x/ab', 'ab']], ['basename', ['//', 'x']], ['basename', ['/', '/']], ['basename', ['ab//', 'b']],
  ['basename', ['/a.txt/', '.txt']], ['basename', ['b', 'ab']], ['extname', ['...']], ['extname', ['.a.']], ['extname', ['x/...']],
  ['parse', ['/..']], ['parse', ['//..']], ['dirname', ['//a']], ['dirname', ['//a/b']], ['dirname', ['///']], ['parse', ['/a.b/c.d.e']], ['parse', ['./x']],
  ['join', ['/a', '../../..', 'b']], ['resolve', ['a', '/b', 'c', '../d']], ['relative', ['/', '/a/b']], ['relative', ['/a/b', '/']],
  ['normalize', ['./a/../../b/./']], ['matchesGlob', ['/a/b/c.js', '/a/**/*.js']], ['matchesGlob', ['/a/c.js', '/a/**/*.js']],
  ['matchesGlob', ['a/b.js', '*.js']], ['matchesGlob', ['a.js', '*.js']], ['matchesGlob', ['x/y/z', 'x/?/z']], ['matchesGlob', ['abc', 'a[bc]c']],
  ['matchesGlob', ['abc', 'a[!b]c']], ['matchesGlob', ['a/.b', 'a/*']], ['matchesGlob', ['src/a.ts', 'src/**']], ['matchesGlob', ['a', 'a/**']],
  ['matchesGlob', ['.x.js', '*.js']], ['matchesGlob', ['a+b.js', 'a+b.*']], ['format', [{ base: 'only' }]], ['format', [{ root: '/', dir: '/', base: 'b' }]],
];
const WIN = [
  ['join', ['C:\\a', 'b', '..\\c']], ['join', ['a', 'b']], ['normalize', ['C:/x//y/../z/']], ['normalize', ['\\\\srv\\share\\a\\..\\b']],
  ['isAbsolute', ['C:\\x']], ['isAbsolute', ['x\\y']], ['isAbsolute', ['\\x']], ['basename', ['C:\\dir\\file.txt']], ['basename', ['C:\\dir\\file.txt', '.txt']],
  ['dirname', ['C:\\dir\\file.txt']], ['dirname', ['C:\\']], ['extname', ['C:\\a\\b.js']], ['parse', ['C:\\dir\\file.txt']],
  ['basename', ['\\\\srv\\share']], ['parse', ['.//x.y']], ['parse', ['a//b']], ['parse', ['\\\\s\\h\\x']], ['extname', ['\\\\s\\h.txt']],
  ['resolve', ['C:\\a', 'b']], ['resolve', ['C:\\a', 'D:\\b', '..\\c']], ['relative', ['C:\\a\\b', 'C:\\a\\c\\d']], ['format', [{ dir: 'C:\\x', base: 'y' }]],
];

const show = (f) => { try { return util.inspect(f()); } catch (e) { return `threw ${e.name} [${e.code}]: ${e.message}`; } };

export default function (t) {
  const ours = t.realm.require('path');
  // The older module directory's matchesGlob cannot load; compare it only where it works.
  const hasGlob = (() => { try { ours.matchesGlob('a', 'a'); return true; } catch { return false; } })();
  for (const [fn, args] of POSIX) {
    if (fn === 'matchesGlob' && !hasGlob) continue;
    t.check(`path.${fn}(${JSON.stringify(args).slice(1, -1)})`, show(() => ours[fn](...args)), show(() => nodePath.posix[fn](...args)));
  }
  for (const [fn, args] of WIN) {
    t.check(`path.win32.${fn}(${JSON.stringify(args).slice(1, -1)})`, show(() => ours.win32[fn](...args)), show(() => nodePath.win32[fn](...args)));
  }
  t.check('path.win32 sep/delimiter', [ours.win32.sep, ours.win32.delimiter, ours.win32.win32 === ours.win32, ours.win32.posix === ours],
    [nodePath.win32.sep, nodePath.win32.delimiter, true, true]);
  t.check('path keys', Object.keys(ours), Object.keys(nodePath));
}
