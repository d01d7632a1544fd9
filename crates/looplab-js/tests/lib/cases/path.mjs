// path (posix), ours vs node's path.posix, with cwd fixed on both sides.
import nodePath from 'node:path';
import util from 'node:util';

const P = ['', '.', '..', '/', '//', '///a//b/', 'a/b/c', '/a/b/c/', 'a/./b/../../c', '../../x', '/../x', 'a//b', 'foo.txt',
  '.bashrc', 'a/b.c.d', 'a/b.', 'file.tar.gz', '/home/user/dir/file.txt', 'dir/', 'é/ü.js', '..a', 'a..', './a', 'a/.', '/a/..'];
const CALLS = [];
for (const p of P) {
  for (const fn of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath']) CALLS.push([fn, [p]]);
  CALLS.push(['basename', [p, '.txt']], ['basename', [p, 'c']], ['resolve', [p]], ['resolve', ['/base', p]], ['join', ['x', p]], ['join', [p, '..', 'y']]);
  for (const q of ['/a/b', 'a/b/c/d', '/', '../z', '']) CALLS.push(['relative', [p, q]]);
}
CALLS.push(['join', []], ['resolve', []], ['format', [{ dir: '/a', base: 'b.txt' }]], ['format', [{ root: '/', name: 'n', ext: 'e' }]],
  ['format', [{ name: 'n', ext: '.e' }]], ['format', [{ dir: 'd', name: 'n', ext: '.e', base: 'ignored?' }]], ['join', ['a', 1]],
  ['resolve', ['a', null]], ['basename', [1]], ['format', [null]], ['relative', ['/a/b', '/a/bc']], ['relative', ['/a/b/c', '/a']]);

const show = (f) => { try { return util.inspect(f()); } catch (e) { return `threw ${e.name} [${e.code}]: ${e.message}`; } };

export default function (t) {
  const ours = t.realm.require('path');
  t.realm.process.cwd = () => '/work/proj';
  const savedCwd = process.cwd;
  process.cwd = () => '/work/proj';
  try {
    for (const [fn, args] of CALLS) {
      t.check(`path.${fn}(${args.map((a) => JSON.stringify(a)).join(', ')})`,
        show(() => ours[fn](...args)), show(() => nodePath.posix[fn](...args)));
    }
  } finally {
    process.cwd = savedCwd;
  }
  t.check('path.sep/delimiter', [ours.sep, ours.delimiter, ours.posix === ours, typeof ours.win32.join], ['/', ':', true, 'function']);
}
