'use strict';

// Looplab: path.win32, as Node 20's path.win32 behaves on Linux. Roots are
// drives (C:\ and drive-relative C:), UNC shares (\\server\share\), device
// namespaces (\\?\, \\.\) and a bare leading separator; see win32_root.js.
// Node's quirks are kept on purpose, since scripts compare against node.

const { isSep, hasDrive, deviceRoot, rootLength } = require('internal/path/win32_root');
const relative = require('internal/path/win32_relative');

// Names Windows reserves for devices; Node 20 prefixes a relative path that
// starts with one and a colon with ".\" so it stays a file name.
const PORT_NUMBERS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '\xb9', '\xb2', '\xb3'];
const RESERVED = new Set(['CON', 'PRN', 'AUX', 'NUL',
  ...['COM', 'LPT'].flatMap((d) => PORT_NUMBERS.map((n) => d + n))]);

// Whether the text before `colon` is a reserved name. Node also calls this
// with -1 when there is no colon, so "CONx" counts (all but the last char).
const reservedBefore = (path, colon) => RESERVED.has(path.slice(0, colon).toUpperCase());

module.exports = function makeWin32(checkString, foldSegments, formatWith) {
  // Folds '.', '..' and repeated separators of a root-less tail.
  const fold = (tail, relative) => foldSegments(tail.split(/[\\/]+/), relative).join('\\');

  // Bounds [start, end) of the last name at or after `from`, trailing
  // separators left out; start === end when there is none.
  function lastName(path, from) {
    let end = path.length;
    while (end > from && isSep(path.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > from && !isSep(path.charCodeAt(start - 1))) start--;
    return [start, end];
  }

  // From a name's last dot, unless the dot starts it or the name is "..".
  function extOf(name) {
    const dot = name.lastIndexOf('.');
    return dot <= 0 || name === '..' ? '' : name.slice(dot);
  }

  // The directory `resolve` uses for a drive-relative path: the `=C:`
  // variable Windows keeps per drive, else the process's directory; one
  // that names another drive means the drive's root.
  function driveCwd(device) {
    const dir = process.env[`=${device}`] || process.cwd();
    if (dir.slice(0, 2).toLowerCase() !== device.toLowerCase() && dir.charCodeAt(2) === 92) return `${device}\\`;
    return dir;
  }

  const win32 = {
    resolve(...paths) {
      let device = '';
      let tail = '';
      let absolute = false;
      for (let i = paths.length - 1; i >= -1; i--) {
        let p;
        if (i >= 0) {
          p = paths[i];
          checkString(p, `paths[${i}]`);
          if (p === '') continue;
        } else {
          p = device === '' ? process.cwd() : driveCwd(device);
        }
        const root = deviceRoot(p);
        if (root.device !== '') {
          if (device === '') device = root.device;
          else if (root.device.toLowerCase() !== device.toLowerCase()) continue;
        }
        // An absolute tail without a device keeps looking for one.
        if (!absolute) {
          tail = `${p.slice(root.rootEnd)}\\${tail}`;
          absolute = root.absolute;
        }
        if (absolute && device !== '') break;
      }
      tail = fold(tail, !absolute);
      if (absolute) return `${device}\\${tail}`;
      return `${device}${tail}` || '.';
    },

    normalize(path) {
      checkString(path, 'path');
      if (path.length === 0) return '.';
      if (path.length === 1) return path === '/' ? '\\' : path;
      let { device, rootEnd, absolute, shareOnly } = deviceRoot(path);
      if (shareOnly) return `${device}\\`;
      if (device === '' && !absolute) {
        const colon = path.indexOf(':');
        if (colon > 0 && reservedBefore(path, colon)) {
          device = path.slice(0, colon + 1);
          rootEnd = colon + 1;
        }
      }
      let tail = rootEnd < path.length ? fold(path.slice(rootEnd), !absolute) : '';
      if (tail === '' && !absolute) tail = '.';
      if (tail !== '' && isSep(path.charCodeAt(path.length - 1))) tail += '\\';
      // A relative result must not read as a drive or a device once printed:
      // "a/../C:x" or "x/y:" become ".\C:x" and ".\x\y:".
      if (!absolute && device === '' && path.includes(':')) {
        if (hasDrive(tail)) return `.\\${tail}`;
        for (let c = path.indexOf(':'); c !== -1; c = path.indexOf(':', c + 1)) {
          if (c === path.length - 1 || isSep(path.charCodeAt(c + 1))) return `.\\${tail}`;
        }
      }
      if (reservedBefore(path, path.indexOf(':'))) return `.\\${device}${tail}`;
      return `${device}${absolute ? '\\' : ''}${tail}`;
    },

    isAbsolute(path) {
      checkString(path, 'path');
      if (path.length === 0) return false;
      return isSep(path.charCodeAt(0)) || (path.length > 2 && hasDrive(path) && isSep(path.charCodeAt(2)));
    },

    join(...paths) {
      const parts = [];
      for (const p of paths) {
        checkString(p, 'path');
        if (p !== '') parts.push(p);
      }
      if (parts.length === 0) return '.';
      let joined = parts.join('\\');
      // Only a first part that starts with exactly two separators and a name
      // asks for a UNC root; otherwise leading separators become one, so
      // join('//', 'x') stays '\x'.
      const first = parts[0];
      const uncAsked = first.length > 2 && isSep(first.charCodeAt(0)) && isSep(first.charCodeAt(1)) &&
        !isSep(first.charCodeAt(2));
      if (!uncAsked) {
        let n = 0;
        while (n < joined.length && isSep(joined.charCodeAt(n))) n++;
        if (n >= 2) joined = `\\${joined.slice(n)}`;
      }
      return win32.normalize(joined);
    },

    relative(from, to) {
      checkString(from, 'from');
      checkString(to, 'to');
      return relative(win32.resolve, from, to);
    },

    toNamespacedPath(path) {
      if (typeof path !== 'string' || path.length === 0) return path;
      const full = win32.resolve(path);
      if (full.length <= 2) return path;
      if (full.startsWith('\\\\')) {
        const c = full.charCodeAt(2);
        // Already \\?\ or \\.\: leave it.
        return c === 63 || c === 46 ? full : `\\\\?\\UNC\\${full.slice(2)}`;
      }
      if (hasDrive(full) && full.charCodeAt(2) === 92) return `\\\\?\\${full}`;
      return full;
    },

    dirname(path) {
      checkString(path, 'path');
      if (path.length === 0) return '.';
      const root = rootLength(path);
      const [start] = lastName(path, root);
      // Only the one separator before the last name is dropped.
      if (start > root) return path.slice(0, start - 1);
      return root > 0 ? path.slice(0, root) : '.';
    },

    basename(path, suffix) {
      if (suffix !== undefined) checkString(suffix, 'suffix');
      checkString(path, 'path');
      // A drive's colon is not part of the name; a share's name is.
      const from = hasDrive(path) ? 2 : 0;
      const [start, end] = lastName(path, from);
      const name = path.slice(start, end);
      if (suffix === undefined || suffix === '' || suffix.length > path.length) return name;
      if (suffix === path) return '';
      // Node's quirks: a path with no name comes back whole from `from`, a
      // name equal to the suffix is kept, and a suffix that ends with the
      // whole name keeps the trailing separators too.
      if (start === end) return path.slice(from);
      if (name === suffix) return name;
      if (name.endsWith(suffix)) return name.slice(0, name.length - suffix.length);
      if (suffix.endsWith(name)) return path.slice(start);
      return name;
    },

    extname(path) {
      checkString(path, 'path');
      const [start, end] = lastName(path, hasDrive(path) ? 2 : 0);
      return extOf(path.slice(start, end));
    },

    format(pathObject) {
      return formatWith('\\', pathObject);
    },

    parse(path) {
      checkString(path, 'path');
      const out = { root: '', dir: '', base: '', ext: '', name: '' };
      if (path.length === 0) return out;
      const rootEnd = rootLength(path);
      out.root = path.slice(0, rootEnd);
      const [start, end] = lastName(path, rootEnd);
      out.base = path.slice(start, end);
      out.ext = extOf(out.base);
      out.name = out.base.slice(0, out.base.length - out.ext.length);
      // A name right after the root has the root as its dir (C:\ keeps its
      // separator); otherwise the one separator before the name is dropped.
      out.dir = start > rootEnd ? path.slice(0, start - 1) : out.root;
      return out;
    },

    matchesGlob(path, pattern) {
      checkString(path, 'path');
      checkString(pattern, 'pattern');
      // Both separators match; posix matching does the rest.
      return require('path').matchesGlob(path.replace(/\\/g, '/'), pattern.replace(/\\/g, '/'));
    },

    sep: '\\',
    delimiter: ';',
    win32: null,
    posix: null,
  };
  win32._makeLong = win32.toNamespacedPath;

  return win32;
};
