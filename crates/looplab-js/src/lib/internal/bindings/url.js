'use strict';

// Looplab: the pure-JS stand-in for Node's `internalBinding('url')` (ada in C++):
// a WHATWG URL parser and serializer. `parse`/`update` return the new href and
// leave its component offsets in `urlComponents`, the layout Node's URL class reads.
// Covers the URL Standard except IDNA mapping beyond lowercase ASCII and punycode.

const {
  codes: { ERR_INVALID_URL },
} = require('internal/errors');

const OMITTED = 4294967295;
const SPECIAL = { __proto__: null, 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };
const SCHEME_TYPE = { __proto__: null, 'http:': 0, 'https:': 2, 'ws:': 3, 'ftp:': 4, 'wss:': 5, 'file:': 6 };

const urlComponents = new Uint32Array(9);

// ---- percent-encoding ------------------------------------------------------------

const C0 = (c) => c < 0x20 || c > 0x7e;
const FRAGMENT = (c) => C0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
const QUERY = (c) => C0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
const SPECIAL_QUERY = (c) => QUERY(c) || c === 0x27;
const PATH = (c) => QUERY(c) || c === 0x3f || c === 0x5e || c === 0x60 || c === 0x7b || c === 0x7d;
const USERINFO = (c) => PATH(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 ||
  (c >= 0x5b && c <= 0x5d) || c === 0x7c;

function utf8Bytes(ch) {
  return Array.from(new TextEncoderLite().encode(ch));
}
// A tiny UTF-8 encoder (no dependency on the buffer module).
class TextEncoderLite {
  encode(s) {
    const out = [];
    for (const ch of s) {
      let c = ch.codePointAt(0);
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return out;
  }
}

function encode(str, inSet) {
  let out = '';
  for (const ch of str) {
    const c = ch.codePointAt(0);
    if (c < 0x80 && !inSet(c)) {
      out += ch;
    } else if (c < 0x80) {
      out += '%' + c.toString(16).toUpperCase().padStart(2, '0');
    } else {
      for (const b of utf8Bytes(ch)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

function percentDecodeBytes(str) {
  const bytes = [];
  const enc = new TextEncoderLite();
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(str.slice(i + 1, i + 3))) {
      bytes.push(parseInt(str.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      const cp = str.codePointAt(i);
      bytes.push(...enc.encode(String.fromCodePoint(cp)));
      if (cp > 0xffff) i++;
    }
  }
  return bytes;
}

function utf8DecodeLoose(bytes) {
  return require('internal/bindings/buffer').utf8Decode(bytes, 0, bytes.length);
}

// ---- hosts -------------------------------------------------------------------------

const FORBIDDEN_HOST = /[\u0000\u0009\u000a\u000d #/:<>?@[\\\]^|]/;
const FORBIDDEN_DOMAIN = /[\u0000-\u001f #%/:<>?@[\\\]^|\u007f]/;

function parseIPv4Number(s) {
  if (s === '') return NaN;
  let radix = 10;
  if (s.length >= 2 && (s.startsWith('0x') || s.startsWith('0X'))) {
    radix = 16;
    s = s.slice(2);
  } else if (s.length >= 2 && s[0] === '0') {
    radix = 8;
    s = s.slice(1);
  }
  if (s === '') return 0;
  const re = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!re.test(s)) return NaN;
  return parseInt(s, radix);
}

function endsInNumber(host) {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (/^[0-9]+$/.test(last)) return true;
  return !Number.isNaN(parseIPv4Number(last)) && /^0[xX]/.test(last);
}

function parseIPv4(host) {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const nums = parts.map(parseIPv4Number);
  if (nums.some(Number.isNaN)) return null;
  for (let i = 0; i < nums.length - 1; i++) if (nums[i] > 255) return null;
  if (nums[nums.length - 1] >= 256 ** (5 - nums.length)) return null;
  let ipv4 = nums[nums.length - 1];
  for (let i = 0; i < nums.length - 1; i++) ipv4 += nums[i] * 256 ** (3 - i);
  const out = [];
  for (let i = 0; i < 4; i++) {
    out.unshift(String(ipv4 % 256));
    ipv4 = Math.floor(ipv4 / 256);
  }
  return out.join('.');
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const c = (i = p) => input.charCodeAt(i);
  if (c() === 0x3a) {
    if (c(p + 1) !== 0x3a) return null;
    p += 2;
    compress = ++pieceIndex;
  }
  while (p < input.length) {
    if (pieceIndex === 8) return null;
    if (c() === 0x3a) {
      if (compress !== null) return null;
      p++;
      compress = ++pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && /[0-9a-fA-F]/.test(input[p] ?? '')) {
      value = value * 16 + parseInt(input[p], 16);
      p++;
      length++;
    }
    if (c() === 0x2e) {
      if (length === 0) return null;
      p -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (p < input.length) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (c() === 0x2e && numbersSeen < 4) p++;
          else return null;
        }
        if (!/[0-9]/.test(input[p] ?? '')) return null;
        while (/[0-9]/.test(input[p] ?? '')) {
          const n = parseInt(input[p], 10);
          if (ipv4Piece === null) ipv4Piece = n;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + n;
          if (ipv4Piece > 255) return null;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (c() === 0x3a) {
      p++;
      if (p >= input.length) return null;
    } else if (p < input.length) {
      return null;
    }
    address[pieceIndex++] = value;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const t = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = t;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  // Serialize, compressing the first longest run of two or more zeros.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (best === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return `[${out}]`;
}

function parseHost(input, special) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) return null;
    return parseIPv6(input.slice(1, -1));
  }
  if (!special) {
    if (FORBIDDEN_HOST.test(input)) return null;
    return encode(input, C0);
  }
  const domain = utf8DecodeLoose(percentDecodeBytes(input));
  const ascii = domainToASCII(domain);
  if (ascii === null || ascii === '') return null;
  if (endsInNumber(ascii)) return parseIPv4(ascii);
  return ascii;
}

// Lowercase; punycode for non-ASCII labels. (No UTS #46 mapping tables.)
function domainToASCII(domain) {
  const lower = domain.toLowerCase().replace(/[\u3002\uff0e\uff61]/g, '.');
  if (FORBIDDEN_DOMAIN.test(lower)) return null;
  const labels = lower.split('.');
  // A label already in ACE form must be ASCII.
  if (labels.some((l) => l.startsWith('xn--') && !/^[\x00-\x7f]*$/.test(l))) return null;
  return labels.map((l) => (/^[\x00-\x7f]*$/.test(l) ? l : `xn--${punycode(l.normalize('NFC'))}`)).join('.');
}

function punycode(input) {
  const cps = Array.from(input, (ch) => ch.codePointAt(0));
  const base = 36; const tMin = 1; const tMax = 26; const skew = 38; const damp = 700;
  let n = 128; let delta = 0; let bias = 72;
  let out = cps.filter((c) => c < 128).map((c) => String.fromCharCode(c)).join('');
  const b = out.length;
  let h = b;
  if (b > 0) out += '-';
  const digit = (d) => String.fromCharCode(d + 22 + 75 * (d < 26));
  const adapt = (d, numPoints, first) => {
    d = first ? Math.floor(d / damp) : d >> 1;
    d += Math.floor(d / numPoints);
    let k = 0;
    while (d > ((base - tMin) * tMax) >> 1) { d = Math.floor(d / (base - tMin)); k += base; }
    return k + Math.floor(((base - tMin + 1) * d) / (d + skew));
  };
  while (h < cps.length) {
    const m = Math.min(...cps.filter((c) => c >= n));
    delta += (m - n) * (h + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
          if (q < t) break;
          out += digit(t + ((q - t) % (base - t)));
          q = Math.floor((q - t) / (base - t));
        }
        out += digit(q);
        bias = adapt(delta, h + 1, h === b);
        delta = 0;
        h++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

// ---- the parser ----------------------------------------------------------------------

// A URL record: { scheme ('http:'), username, password, host (null or string),
// port (null or number), path (array of segments, or a string if opaque),
// query (null or string), fragment (null or string) }.

const isSpecial = (rec) => rec.scheme in SPECIAL;
const isWinDriveLetter = (s, normalizedOnly) => /^[a-zA-Z][:|]$/.test(s) && (!normalizedOnly || s[1] === ':');
const startsWithWinDriveLetter = (s) => /^[a-zA-Z][:|](?:$|[/\\?#])/.test(s);
const isSingleDot = (s) => s === '.' || s.toLowerCase() === '%2e';
const isDoubleDot = (s) => ['..', '.%2e', '%2e.', '%2e%2e'].includes(s.toLowerCase());

function shortenPath(rec) {
  if (rec.scheme === 'file:' && rec.path.length === 1 && isWinDriveLetter(rec.path[0], true)) return;
  rec.path.pop();
}

function parsePath(rec, input) {
  const special = isSpecial(rec);
  const segs = special ? input.split(/[/\\]/) : input.split('/');
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const last = i === segs.length - 1;
    if (isDoubleDot(seg)) {
      shortenPath(rec);
      if (last) rec.path.push('');
    } else if (isSingleDot(seg)) {
      if (last) rec.path.push('');
    } else {
      let s = encode(seg, PATH);
      if (rec.scheme === 'file:' && rec.path.length === 0 && isWinDriveLetter(s)) s = `${s[0]}:`;
      rec.path.push(s);
    }
  }
}

function splitTail(rest) {
  let fragment = null;
  let query = null;
  const h = rest.indexOf('#');
  if (h !== -1) {
    fragment = rest.slice(h + 1);
    rest = rest.slice(0, h);
  }
  const q = rest.indexOf('?');
  if (q !== -1) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  return [rest, query, fragment];
}

function finishTail(rec, query, fragment) {
  if (query !== null) rec.query = encode(query, isSpecial(rec) ? SPECIAL_QUERY : QUERY);
  if (fragment !== null) rec.fragment = encode(fragment, FRAGMENT);
}

// Parses "[userinfo@]host[:port]" into rec; false on failure.
function parseAuthority(rec, auth) {
  const at = auth.lastIndexOf('@');
  if (at !== -1) {
    const info = auth.slice(0, at);
    const colon = info.indexOf(':');
    rec.username = encode(colon === -1 ? info : info.slice(0, colon), USERINFO);
    rec.password = colon === -1 ? '' : encode(info.slice(colon + 1), USERINFO);
    auth = auth.slice(at + 1);
    if (auth === '') return false;
  }
  let hostStr = auth;
  let portStr = null;
  const m = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(auth);
  if (m) {
    hostStr = m[1];
    portStr = m[2] ?? null;
  }
  if (rec.scheme === 'file:') {
    if (portStr !== null) return false;
    if (hostStr === '') {
      rec.host = '';
      return true;
    }
  }
  if (hostStr === '') {
    if (isSpecial(rec)) return false;
    if (at !== -1 || portStr !== null) return false;
    rec.host = '';
    return true;
  }
  const host = parseHost(hostStr, isSpecial(rec));
  if (host === null) return false;
  rec.host = rec.scheme === 'file:' && host === 'localhost' ? '' : host;
  if (portStr !== null && portStr !== '') {
    if (!/^[0-9]+$/.test(portStr)) return false;
    const port = Number(portStr);
    if (port > 65535) return false;
    rec.port = SPECIAL[rec.scheme] === port ? null : port;
  }
  return true;
}

function newRecord(scheme) {
  return { scheme, username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
}

function basicParse(input, base) {
  input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const sm = /^([a-zA-Z][a-zA-Z0-9+\-.]*):/.exec(input);
  if (sm) {
    const rec = newRecord(`${sm[1].toLowerCase()}:`);
    let rest = input.slice(sm[0].length);
    const special = isSpecial(rec);
    if (rec.scheme === 'file:') return parseFile(rec, rest, base && base.scheme === 'file:' ? base : null);
    if (special) {
      if (base && base.scheme === rec.scheme && !/^[/\\]/.test(rest)) {
        return parseRelative(rest, base);
      }
      rest = rest.replace(/^[/\\]*/, '');
      return parseAfterAuthority(rec, rest);
    }
    if (rest.startsWith('//')) return parseAfterAuthority(rec, rest.slice(2));
    if (rest.startsWith('/')) {
      const [p, q, f] = splitTail(rest);
      parsePath(rec, p.slice(1));
      finishTail(rec, q, f);
      return rec;
    }
    // An opaque path: mailto:, data:, javascript: ...
    const [p, q, f] = splitTail(rest);
    rec.path = encode(p, C0);
    finishTail(rec, q, f);
    return rec;
  }
  if (!base) return null;
  if (typeof base.path === 'string') {
    if (!input.startsWith('#')) return null;
    const rec = { ...base, fragment: null };
    finishTail(rec, null, input.slice(1));
    return rec;
  }
  if (base.scheme === 'file:') return parseFile(newRecord('file:'), input, base);
  return parseRelative(input, base);
}

function parseAfterAuthority(rec, rest) {
  const special = isSpecial(rec);
  const end = rest.search(special ? /[/\\?#]/ : /[/?#]/);
  const auth = end === -1 ? rest : rest.slice(0, end);
  if (!parseAuthority(rec, auth)) return null;
  const [p, q, f] = splitTail(end === -1 ? '' : rest.slice(end));
  if (p !== '') parsePath(rec, p.slice(1));
  else if (special) rec.path = [''];
  finishTail(rec, q, f);
  return rec;
}

function parseRelative(input, base) {
  const rec = newRecord(base.scheme);
  const special = isSpecial(rec);
  const slash = special ? /^[/\\]/ : /^\//;
  if ((special ? /^[/\\]{2}/ : /^\/\//).test(input)) {
    return parseAfterAuthority(rec, input.slice(2));
  }
  Object.assign(rec, { username: base.username, password: base.password, host: base.host, port: base.port });
  const [p, q, f] = splitTail(input);
  if (slash.test(p)) {
    parsePath(rec, p.slice(1));
    finishTail(rec, q, f);
    return rec;
  }
  rec.path = base.path.slice();
  if (p === '') {
    rec.query = base.query;
    if (q !== null) rec.query = null;
    finishTail(rec, q, f);
    return rec;
  }
  rec.path.pop();
  parsePath(rec, p);
  finishTail(rec, q, f);
  return rec;
}

function parseFile(rec, rest, base) {
  rec.host = '';
  if (/^[/\\]{2}/.test(rest)) {
    rest = rest.slice(2);
    const end = rest.search(/[/\\?#]/);
    const auth = end === -1 ? rest : rest.slice(0, end);
    if (isWinDriveLetter(auth)) {
      const [p, q, f] = splitTail(rest);
      parsePath(rec, p);
      finishTail(rec, q, f);
      return rec;
    }
    if (!parseAuthority(rec, auth)) return null;
    const [p, q, f] = splitTail(end === -1 ? '' : rest.slice(end));
    parsePath(rec, p === '' ? '' : p.slice(1));
    finishTail(rec, q, f);
    return rec;
  }
  const [p, q, f] = splitTail(rest);
  if (/^[/\\]/.test(p)) {
    if (base && !startsWithWinDriveLetter(p.slice(1)) && base.path.length > 0 && isWinDriveLetter(base.path[0], true)) {
      rec.path.push(base.path[0]);
    }
    if (base) rec.host = base.host;
    parsePath(rec, p.slice(1));
  } else if (base) {
    rec.host = base.host;
    if (p === '') {
      rec.path = base.path.slice();
      rec.query = q === null ? base.query : null;
    } else {
      if (!startsWithWinDriveLetter(p)) {
        rec.path = base.path.slice();
        shortenPath(rec);
      }
      parsePath(rec, p);
    }
  } else {
    parsePath(rec, p);
  }
  finishTail(rec, q, f);
  return rec;
}

// ---- serializing, with the offsets Node's URL class slices by ------------------------

function serialize(rec) {
  let href = rec.scheme;
  const c = urlComponents;
  c[0] = href.length;
  if (rec.host !== null) {
    href += '//';
    c[1] = href.length + rec.username.length;
    if (rec.username !== '' || rec.password !== '') {
      href += rec.username;
      if (rec.password !== '') href += `:${rec.password}`;
      c[2] = href.length;
      href += '@';
    } else {
      c[2] = href.length;
    }
    href += rec.host;
    c[3] = href.length;
    if (rec.port !== null) {
      href += `:${rec.port}`;
      c[4] = rec.port;
    } else {
      c[4] = OMITTED;
    }
  } else {
    c[1] = c[2] = c[3] = href.length;
    c[4] = OMITTED;
    if (typeof rec.path !== 'string' && rec.path.length > 1 && rec.path[0] === '') href += '/.';
  }
  c[5] = href.length;
  href += typeof rec.path === 'string' ? rec.path : rec.path.map((s) => `/${s}`).join('');
  if (rec.query !== null) {
    c[6] = href.length;
    href += `?${rec.query}`;
  } else {
    c[6] = OMITTED;
  }
  if (rec.fragment !== null) {
    c[7] = href.length;
    href += `#${rec.fragment}`;
  } else {
    c[7] = OMITTED;
  }
  c[8] = SCHEME_TYPE[rec.scheme] ?? 1;
  return href;
}

function parseToRecord(input, base) {
  let baseRec = null;
  if (base !== undefined) {
    baseRec = basicParse(`${base}`, null);
    if (baseRec === null) return null;
  }
  return basicParse(`${input}`, baseRec);
}

function parse(input, base, raiseException) {
  const rec = parseToRecord(input, base);
  if (rec === null) {
    if (raiseException) throw new ERR_INVALID_URL(input, base);
    return undefined;
  }
  return serialize(rec);
}

function canParse(input, base) {
  return parseToRecord(input, base) !== null;
}

// ---- setters (updateActions in internal/url.js) -------------------------------------

function update(href, action, value) {
  const rec = basicParse(href, null);
  const special = isSpecial(rec);
  const hasOpaquePath = typeof rec.path === 'string';
  switch (action) {
    case 0: { // protocol
      const m = /^([a-zA-Z][a-zA-Z0-9+\-.]*)/.exec(value);
      if (!m) return false;
      const scheme = `${m[1].toLowerCase()}:`;
      if ((scheme in SPECIAL) !== special) return false;
      if (scheme === 'file:' && (rec.username || rec.password || rec.port !== null)) return false;
      if (rec.scheme === 'file:' && rec.host === '') return false;
      rec.scheme = scheme;
      if (rec.port === SPECIAL[scheme]) rec.port = null;
      break;
    }
    case 1: case 2: { // host, hostname
      if (hasOpaquePath) return false;
      const tmp = { ...rec, host: null, port: rec.port };
      const v = value.replace(/[\t\n\r]/g, '');
      let hostPart = v.split(special ? /[/\\?#]/ : /[/?#]/)[0];
      if (action === 2) hostPart = hostPart.replace(/:.*$/, (m0) => (hostPart.startsWith('[') ? m0 : ''));
      if (hostPart === '' && special) return false;
      const saveUser = [tmp.username, tmp.password];
      if (!parseAuthority(tmp, hostPart.includes('@') ? '' : hostPart)) return false;
      [tmp.username, tmp.password] = saveUser;
      if (action === 2 || !/:/.test(hostPart.replace(/^\[[^\]]*\]/, ''))) tmp.port = rec.port;
      Object.assign(rec, { host: tmp.host, port: tmp.port });
      break;
    }
    case 3: { // port
      if (rec.host === null || rec.host === '' || rec.scheme === 'file:') return false;
      const digits = /^[0-9]*/.exec(value.replace(/[\t\n\r]/g, ''))[0];
      if (digits === '') {
        if (value === '') rec.port = null;
        else return false;
      } else {
        const port = Number(digits);
        if (port > 65535) return false;
        rec.port = SPECIAL[rec.scheme] === port ? null : port;
      }
      break;
    }
    case 4: case 5: { // username, password
      if (rec.host === null || rec.host === '' || rec.scheme === 'file:') return false;
      rec[action === 4 ? 'username' : 'password'] = encode(value, USERINFO);
      break;
    }
    case 6: { // pathname
      if (hasOpaquePath) return false;
      rec.path = [];
      const v = value.replace(/[\t\n\r]/g, '');
      parsePath(rec, special ? v.replace(/^[/\\]/, '') : v.replace(/^\//, ''));
      break;
    }
    case 7: { // search
      const v = value.replace(/[\t\n\r]/g, '');
      rec.query = v === '' ? null : null;
      if (v !== '') finishTail(rec, v.startsWith('?') ? v.slice(1) : v, null);
      break;
    }
    case 8: { // hash
      const v = value.replace(/[\t\n\r]/g, '');
      rec.fragment = null;
      if (v !== '') finishTail(rec, null, v.startsWith('#') ? v.slice(1) : v);
      break;
    }
    case 9: { // href
      const next = basicParse(value, null);
      if (next === null) throw new ERR_INVALID_URL(value);
      return serialize(next);
    }
    default:
      return false;
  }
  return serialize(rec);
}

module.exports = {
  urlComponents,
  parse,
  canParse,
  update,
  domainToASCII: (d) => {
    const r = parseHost(d, true);
    return r === null ? '' : r;
  },
  domainToUnicode: (d) => {
    const r = parseHost(d, true);
    return r === null ? '' : r;
  },
  getOrigin: () => 'null',
  format(href, fragment, unicode, search, auth) {
    const rec = basicParse(href, null);
    if (!fragment) rec.fragment = null;
    if (!search) rec.query = null;
    if (!auth) { rec.username = ''; rec.password = ''; }
    return serialize(rec);
  },
  pathToFileURL: undefined,
};
