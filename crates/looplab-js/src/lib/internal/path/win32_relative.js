'use strict';

// Looplab: path.win32.relative, as Node 20 computes it.

// Node compares resolved paths case-insensitively, character by
// character, so "C:\foo" to "C:\foobar" is "..\foobar" and paths on
// different roots give the target itself.
function relative(resolve, from, to) {
  if (from === to) return '';
  const fromFull = resolve(from);
  const toFull = resolve(to);
  if (fromFull === toFull) return '';
  const a = fromFull.toLowerCase();
  const b = toFull.toLowerCase();
  if (a === b) return '';
  // Lower-casing changed a length ("İ" is two characters lower-cased), so
  // positions no longer line up: compare whole segments instead.
  if (a.length !== fromFull.length || b.length !== toFull.length) return relativeBySegments(fromFull, toFull);
  const [aStart, aEnd] = trimBackslashes(a);
  const [bFirst, bEnd] = trimBackslashes(b);
  let bStart = bFirst;
  const aLen = aEnd - aStart;
  const bLen = bEnd - bStart;
  const shorter = Math.min(aLen, bLen);
  let i = 0;
  let lastSep = -1;
  for (; i < shorter; i++) {
    const c = a.charCodeAt(aStart + i);
    if (c !== b.charCodeAt(bStart + i)) break;
    if (c === 92) lastSep = i;
  }
  if (i !== shorter) {
    if (lastSep === -1) return toFull;
  } else {
    if (bLen > shorter) {
      // `from` is an ancestor of `to`, or a drive root such as C:\.
      if (b.charCodeAt(bStart + i) === 92) return toFull.slice(bStart + i + 1);
      if (i === 2) return toFull.slice(bStart + i);
    }
    if (aLen > shorter) {
      if (a.charCodeAt(aStart + i) === 92) lastSep = i;
      else if (i === 2) lastSep = 3;
    }
    if (lastSep === -1) lastSep = 0;
  }
  let ups = '';
  for (let k = aStart + lastSep + 1; k <= aEnd; k++) {
    if (k === aEnd || a.charCodeAt(k) === 92) ups += ups === '' ? '..' : '\\..';
  }
  bStart += lastSep;
  if (ups !== '') return `${ups}${toFull.slice(bStart, bEnd)}`;
  if (toFull.charCodeAt(bStart) === 92) bStart++;
  return toFull.slice(bStart, bEnd);
}

function relativeBySegments(fromFull, toFull) {
  const f = fromFull.split('\\');
  const t = toFull.split('\\');
  if (f[f.length - 1] === '') f.pop();
  if (t[t.length - 1] === '') t.pop();
  const shorter = Math.min(f.length, t.length);
  let i = 0;
  while (i < shorter && f[i].toLowerCase() === t[i].toLowerCase()) i++;
  if (i === 0) return toFull;
  if (i === shorter) {
    if (t.length > shorter) return t.slice(i).join('\\');
    if (f.length > shorter) return `${'..\\'.repeat(f.length - 1 - i)}..`;
    return '';
  }
  return `${'..\\'.repeat(f.length - i)}${t.slice(i).join('\\')}`;
}

// Bounds without leading backslashes and trailing ones (a UNC root's).
function trimBackslashes(s) {
  let start = 0;
  while (start < s.length && s.charCodeAt(start) === 92) start++;
  let end = s.length;
  while (end - 1 > start && s.charCodeAt(end - 1) === 92) end--;
  return [start, end];
}

module.exports = relative;
