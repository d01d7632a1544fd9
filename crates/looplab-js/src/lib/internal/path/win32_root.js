'use strict';

// Looplab: the root of a Windows path, as Node 20's path.win32 reads it.
// A root is a drive ("C:" or "C:\"), a UNC share ("\\server\share"), or a
// single leading separator; Node's functions differ in what they do with a
// share that has nothing after it, so this module only finds the pieces.

const isSep = (c) => c === 47 || c === 92;
const isLetter = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

// True when the path starts with a drive letter and a colon.
function hasDrive(path) {
  return path.length >= 2 && isLetter(path.charCodeAt(0)) && path.charCodeAt(1) === 58;
}

// Index of the first character at or after i that is (or is not) a separator.
function skip(path, i, sep) {
  while (i < path.length && isSep(path.charCodeAt(i)) === sep) i++;
  return i;
}

// A UNC root: two separators, a server name with more after it, separators,
// then a share name. Returns { server, share, end } (end is just past the
// share) or null.
function uncRoot(path) {
  if (path.length < 2 || !isSep(path.charCodeAt(0)) || !isSep(path.charCodeAt(1))) return null;
  const serverEnd = skip(path, 2, false);
  if (serverEnd === 2 || serverEnd === path.length) return null;
  const shareStart = skip(path, serverEnd, true);
  if (shareStart === path.length) return null;
  const end = skip(path, shareStart, false);
  return { server: path.slice(2, serverEnd), share: path.slice(shareStart, end), end };
}

// The device and where the rest begins, as resolve and normalize see them.
// "\\?\" and "\\.\" name a device namespace: only those four characters are
// the device, whatever follows is path. `shareOnly` is true for a share with
// nothing after it.
function deviceRoot(path) {
  const unc = uncRoot(path);
  if (unc !== null) {
    if (unc.server === '.' || unc.server === '?') {
      return { device: `\\\\${unc.server}`, rootEnd: 4, absolute: true, shareOnly: false };
    }
    const device = `\\\\${unc.server}\\${unc.share}`;
    return { device, rootEnd: unc.end, absolute: true, shareOnly: unc.end === path.length };
  }
  if (path.length > 0 && isSep(path.charCodeAt(0))) return { device: '', rootEnd: 1, absolute: true, shareOnly: false };
  if (hasDrive(path)) {
    const absolute = path.length > 2 && isSep(path.charCodeAt(2));
    return { device: path.slice(0, 2), rootEnd: absolute ? 3 : 2, absolute, shareOnly: false };
  }
  return { device: '', rootEnd: 0, absolute: false, shareOnly: false };
}

// Length of the root as dirname and parse see it: the share's trailing
// separator belongs to the root, device namespaces are plain shares.
function rootLength(path) {
  const unc = uncRoot(path);
  if (unc !== null) return unc.end === path.length ? unc.end : unc.end + 1;
  if (path.length > 0 && isSep(path.charCodeAt(0))) return 1;
  if (hasDrive(path)) return path.length > 2 && isSep(path.charCodeAt(2)) ? 3 : 2;
  return 0;
}

module.exports = { isSep, isLetter, hasDrive, uncRoot, deviceRoot, rootLength };
