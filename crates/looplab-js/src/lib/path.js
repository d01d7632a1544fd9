'use strict';

// Looplab: Node's `path`. Looplab runs on a POSIX model, so `path` is
// path.posix; path.win32 (internal/path/win32.js) is Node's own Windows
// rules, for scripts that build Windows paths as strings.

function checkString(value, name) {
  if (typeof value !== 'string') {
    throw new (require('internal/errors').codes.ERR_INVALID_ARG_TYPE)(name, 'string', value);
  }
}

// Folds '.', '..' and empty segments; '..' that climbs above the start is kept
// only for relative paths.
function foldSegments(segments, relative) {
  const out = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (relative) out.push('..');
    } else {
      out.push(s);
    }
  }
  return out;
}

// The last segment's bounds [start, end) with trailing separators ignored.
function lastSegment(p, isSep, rootLength = 0) {
  let end = p.length;
  while (end > rootLength && isSep(p.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > rootLength && !isSep(p.charCodeAt(start - 1))) start--;
  return [start, end];
}

// The extension of a file name: from its last dot, unless that dot starts
// the name (".bashrc") or the name is "..".
function extOf(name) {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return '';
  if (name === '..') return '';
  return name.slice(dot);
}

function stripSuffix(base, suffix) {
  if (suffix && suffix !== base && base.endsWith(suffix)) {
    return base.slice(0, base.length - suffix.length);
  }
  return base;
}

function formatWith(sep, pathObject) {
  if (pathObject === null || typeof pathObject !== 'object' || Array.isArray(pathObject)) {
    throw new (require('internal/errors').codes.ERR_INVALID_ARG_TYPE)('pathObject', 'Object', pathObject);
  }
  const dir = pathObject.dir || pathObject.root;
  let ext = pathObject.ext || '';
  if (ext !== '' && ext[0] !== '.') ext = `.${ext}`;
  const base = pathObject.base || `${pathObject.name || ''}${ext}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

const isSlash = (c) => c === 47;

const posix = {
  resolve(...paths) {
    let resolved = '';
    let absolute = false;
    for (let i = paths.length - 1; i >= -1 && !absolute; i--) {
      const p = i >= 0 ? paths[i] : process.cwd();
      checkString(p, `paths[${i}]`);
      if (p === '') continue;
      resolved = resolved === '' ? p : `${p}/${resolved}`;
      absolute = p[0] === '/';
    }
    const folded = foldSegments(resolved.split('/'), !absolute).join('/');
    if (absolute) return `/${folded}`;
    return folded === '' ? '.' : folded;
  },

  normalize(path) {
    checkString(path, 'path');
    if (path === '') return '.';
    const absolute = path[0] === '/';
    const trailing = path[path.length - 1] === '/';
    let out = foldSegments(path.split('/'), !absolute).join('/');
    if (out === '') {
      if (absolute) return '/';
      return trailing ? './' : '.';
    }
    if (trailing) out += '/';
    return absolute ? `/${out}` : out;
  },

  isAbsolute(path) {
    checkString(path, 'path');
    return path.length > 0 && path[0] === '/';
  },

  join(...paths) {
    const parts = [];
    for (const p of paths) {
      checkString(p, 'path');
      if (p !== '') parts.push(p);
    }
    return parts.length === 0 ? '.' : posix.normalize(parts.join('/'));
  },

  relative(from, to) {
    checkString(from, 'from');
    checkString(to, 'to');
    if (from === to) return '';
    const a = posix.resolve(from).split('/').filter(Boolean);
    const b = posix.resolve(to).split('/').filter(Boolean);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
  },

  toNamespacedPath(path) {
    return path;
  },

  dirname(path) {
    checkString(path, 'path');
    if (path === '') return '.';
    const absolute = path[0] === '/';
    // Cut at the one separator before the last segment; other slashes stay.
    const [start] = lastSegment(path, isSlash);
    const cut = start - 1;
    if (cut <= 0) return absolute ? '/' : '.';
    if (cut === 1 && absolute) return '//';
    return path.slice(0, cut);
  },

  basename(path, suffix) {
    if (suffix !== undefined) checkString(suffix, 'suffix');
    checkString(path, 'path');
    const [start, end] = lastSegment(path, isSlash);
    const base = path.slice(start, end);
    // Node's quirks when a suffix no longer than the path is given: an
    // all-slash path comes back whole, and a suffix equal to the name is only
    // removed when the name is the whole path.
    if (suffix && suffix.length <= path.length) {
      if (end === 0) return path === suffix ? '' : path;
      if (suffix === base) return start === 0 && end === path.length ? '' : base;
    } else {
      suffix = undefined;
    }
    return stripSuffix(base, suffix);
  },

  extname(path) {
    checkString(path, 'path');
    const [start, end] = lastSegment(path, isSlash);
    return extOf(path.slice(start, end));
  },

  format(pathObject) {
    return formatWith('/', pathObject);
  },

  parse(path) {
    checkString(path, 'path');
    const result = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path === '') return result;
    const absolute = path[0] === '/';
    if (absolute) result.root = '/';
    const [start, end] = lastSegment(path, isSlash);
    const base = path.slice(start, end);
    result.base = base;
    // Node's quirk: parse('/..') splits the name as if '..' had an extension.
    result.ext = start === 1 && base === '..' ? '.' : extOf(base);
    result.name = base.slice(0, base.length - result.ext.length);
    if (start > 1) {
      result.dir = path.slice(0, start - 1);
    } else if (absolute) {
      result.dir = '/';
    }
    return result;
  },

  matchesGlob(path, pattern) {
    checkString(path, 'path');
    checkString(pattern, 'pattern');
    warnGlob();
    return globToRegExp(pattern).test(path);
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
  _makeLong(path) {
    return path;
  },
};

// A small glob: '**' spans whole segments, '*' and '?' stay inside one, and
// neither matches a leading dot; [...] classes ('!' negates).
function globToRegExp(pattern) {
  let re = '';
  let segmentStart = true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*' && segmentStart && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
      const last = i + 2 === pattern.length;
      re += last ? '(?:[^/.][^/]*(?:/[^/.][^/]*)*)?' : '(?:[^/.][^/]*/)*';
      i += last ? 1 : 2;
      segmentStart = true;
      continue;
    }
    if (c === '*') {
      re += segmentStart ? '(?!\\.)[^/]*' : '[^/]*';
    } else if (c === '?') {
      re += segmentStart ? '[^/.]' : '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        re += '\\[';
      } else {
        re += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else {
      re += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    segmentStart = c === '/';
  }
  return new RegExp(`^${re}$`);
}

let globWarned = false;
function warnGlob() {
  if (globWarned) return;
  globWarned = true;
  process.emitWarning('glob is an experimental feature and might change at any time', 'ExperimentalWarning');
}

posix.win32 = require('internal/path/win32')(checkString, foldSegments, formatWith);
posix.posix = posix;
posix.win32.posix = posix;
posix.win32.win32 = posix.win32;

module.exports = posix;
