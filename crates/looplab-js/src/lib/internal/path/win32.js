'use strict';

// Looplab: path.win32, built from path.posix's helpers. Covers drive letters
// (C:\), UNC shares (\\server\share\) and both separators; no device
// namespaces.

module.exports = function makeWin32(checkString, foldSegments, lastSegment, extOf, stripSuffix, formatWith) {
  const isSep = (c) => c === 47 || c === 92;
  const sepRe = /[\\/]+/;

  // [device, isAbsolute, rest]
  function splitRoot(p) {
    const unc = /^[\\/]{2}([^\\/]+)[\\/]+([^\\/]+)/.exec(p);
    if (unc) return [`\\\\${unc[1]}\\${unc[2]}`, true, p.slice(unc[0].length)];
    if (/^[a-zA-Z]:/.test(p)) {
      return [p.slice(0, 2).toUpperCase(), p.length > 2 && isSep(p.charCodeAt(2)), p.slice(2)];
    }
    return ['', p.length > 0 && isSep(p.charCodeAt(0)), p];
  }

  function rootLength(p) {
    const [device, abs] = splitRoot(p);
    if (device.startsWith('\\\\')) return /^[\\/]{2}[^\\/]+[\\/]+[^\\/]+[\\/]?/.exec(p)[0].length;
    return device.length + (abs ? 1 : 0);
  }

  const driveLength = (p) => (/^[a-zA-Z]:/.test(p) ? 2 : 0);

  const win32 = {
    resolve(...paths) {
      let device = '';
      let tail = '';
      let absolute = false;
      for (let i = paths.length - 1; i >= -1; i--) {
        const p = i >= 0 ? paths[i] : process.cwd();
        checkString(p, `paths[${i}]`);
        if (p === '') continue;
        const [d, abs, rest] = splitRoot(p);
        if (device !== '' && d !== '' && d.toLowerCase() !== device.toLowerCase()) continue;
        if (device === '') device = d;
        if (!absolute) {
          tail = tail === '' ? rest : `${rest}\\${tail}`;
          absolute = abs;
        }
        if (absolute && device !== '') break;
        if (absolute && i === -1) break;
      }
      const folded = foldSegments(tail.split(sepRe), !absolute).join('\\');
      const out = `${device}${absolute ? '\\' : ''}${folded}`;
      return out === '' ? '.' : out;
    },
    normalize(path) {
      checkString(path, 'path');
      if (path === '') return '.';
      const [device, absolute, rest] = splitRoot(path);
      let out = foldSegments(rest.split(sepRe), !absolute).join('\\');
      if (out === '' && !absolute) out = '.';
      if (out !== '' && rest.length > 0 && isSep(rest.charCodeAt(rest.length - 1))) out += '\\';
      return `${device}${absolute ? '\\' : ''}${out}`;
    },
    isAbsolute(path) {
      checkString(path, 'path');
      return splitRoot(path)[1];
    },
    join(...paths) {
      const parts = [];
      for (const p of paths) {
        checkString(p, 'path');
        if (p !== '') parts.push(p);
      }
      return parts.length === 0 ? '.' : win32.normalize(parts.join('\\'));
    },
    relative(from, to) {
      checkString(from, 'from');
      checkString(to, 'to');
      const a = win32.resolve(from).split('\\').filter(Boolean);
      const b = win32.resolve(to).split('\\').filter(Boolean);
      if (a[0]?.toLowerCase() !== b[0]?.toLowerCase()) return win32.resolve(to);
      let common = 0;
      while (common < a.length && common < b.length && a[common].toLowerCase() === b[common].toLowerCase()) common++;
      return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('\\');
    },
    toNamespacedPath(path) {
      return path;
    },
    dirname(path) {
      checkString(path, 'path');
      const root = rootLength(path);
      const [start] = lastSegment(path, isSep, root);
      if (start <= root) return root > 0 ? path.slice(0, root) : '.';
      let end = start;
      while (end > root && isSep(path.charCodeAt(end - 1))) end--;
      return path.slice(0, end);
    },
    basename(path, suffix) {
      if (suffix !== undefined) checkString(suffix, 'suffix');
      checkString(path, 'path');
      // Only a drive letter is skipped here; a UNC share name counts as a name.
      const [start, end] = lastSegment(path, isSep, driveLength(path));
      return stripSuffix(path.slice(start, end), suffix);
    },
    extname(path) {
      checkString(path, 'path');
      const [start, end] = lastSegment(path, isSep, driveLength(path));
      return extOf(path.slice(start, end));
    },
    format(pathObject) {
      return formatWith('\\', pathObject);
    },
    parse(path) {
      checkString(path, 'path');
      const rootLen = rootLength(path);
      const root = path.slice(0, rootLen);
      const [start, end] = lastSegment(path, isSep, rootLen);
      const base = path.slice(start, end);
      const ext = extOf(base);
      // Like posix: only the one separator before the name is dropped.
      const dir = base === '' ? root : path.slice(0, Math.max(start - 1, rootLen));
      return { root, dir, base, ext, name: base.slice(0, base.length - ext.length) };
    },
    matchesGlob(path, pattern) {
      return require('path').matchesGlob(path.replace(/\\/g, '/'), pattern.replace(/\\/g, '/'));
    },
    sep: '\\',
    delimiter: ';',
    win32: null,
    posix: null,
    _makeLong(path) {
      return path;
    },
  };
  return win32;
};
