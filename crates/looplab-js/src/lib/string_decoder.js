'use strict';

// Looplab: string_decoder in JavaScript. Node 20 decodes in C++; this is the
// algorithm Node used before that (MIT, Node.js contributors), which yields the
// same strings: whole characters only, U+FFFD for broken UTF-8, odd bytes of
// UTF-16 and base64 groups held until the next write.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');
const { normalizeEncoding: normalize } = require('internal/util');

function normalizeEncoding(enc) {
  const nenc = normalize(enc);
  if (nenc === undefined) throw new ERR_UNKNOWN_ENCODING(enc);
  return nenc;
}

// 0: ASCII, 2-4: lead byte of that many bytes, -1: continuation, -2: invalid.
function utf8CheckByte(byte) {
  if (byte <= 0x7F) return 0;
  if (byte >> 5 === 0x06) return 2;
  if (byte >> 4 === 0x0E) return 3;
  if (byte >> 3 === 0x1E) return 4;
  return byte >> 6 === 0x02 ? -1 : -2;
}

class StringDecoder {
  constructor(encoding) {
    this.encoding = normalizeEncoding(encoding);
    this.lastNeed = 0;
    this.lastTotal = 0;
    this.lastChar = Buffer.alloc(4);
  }

  write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) {
      throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
    }
    if (!Buffer.isBuffer(buf)) buf = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (buf.length === 0) return '';
    let r;
    let i = 0;
    if (this.lastNeed) {
      r = this.#fillLast(buf);
      if (r === undefined) return '';
      i = this.lastNeed;
      this.lastNeed = 0;
    }
    if (i < buf.length) return r ? r + this.text(buf, i) : this.text(buf, i);
    return r || '';
  }

  end(buf) {
    let r = buf !== undefined && buf.length ? this.write(buf) : '';
    if (this.lastNeed) {
      switch (this.encoding) {
        case 'utf8': r += '\ufffd'; break;
        case 'utf16le': r += this.lastChar.toString('utf16le', 0, this.lastTotal - this.lastNeed); break;
        case 'base64': case 'base64url':
          r += this.lastChar.toString(this.encoding, 0, 3 - this.lastNeed); break;
        default: break;
      }
    }
    this.lastNeed = 0;
    this.lastTotal = 0;
    return r;
  }

  text(buf, i) {
    switch (this.encoding) {
      case 'utf8': return this.#utf8Text(buf, i);
      case 'utf16le': return this.#utf16Text(buf, i);
      case 'base64': case 'base64url': return this.#base64Text(buf, i);
      default: return buf.toString(this.encoding, i);
    }
  }

  #fillLast(buf) {
    const p = this.lastTotal - this.lastNeed;
    if (this.encoding === 'utf8') {
      // A byte that cannot continue the held character ends it as U+FFFD.
      if ((buf[0] & 0xC0) !== 0x80) {
        this.lastNeed = 0;
        return '\ufffd';
      }
      if (this.lastNeed > 1 && buf.length > 1) {
        if ((buf[1] & 0xC0) !== 0x80) {
          this.lastNeed = 1;
          return '\ufffd';
        }
        if (this.lastNeed > 2 && buf.length > 2 && (buf[2] & 0xC0) !== 0x80) {
          this.lastNeed = 2;
          return '\ufffd';
        }
      }
    }
    if (this.lastNeed <= buf.length) {
      buf.copy(this.lastChar, p, 0, this.lastNeed);
      return this.lastChar.toString(this.encoding, 0, this.lastTotal);
    }
    buf.copy(this.lastChar, p, 0, buf.length);
    this.lastNeed -= buf.length;
    return undefined;
  }

  #utf8CheckIncomplete(buf, i) {
    let j = buf.length - 1;
    if (j < i) return 0;
    let nb = utf8CheckByte(buf[j]);
    if (nb >= 0) {
      if (nb > 0) this.lastNeed = nb - 1;
      return nb;
    }
    if (--j < i || nb === -2) return 0;
    nb = utf8CheckByte(buf[j]);
    if (nb >= 0) {
      if (nb > 0) this.lastNeed = nb - 2;
      return nb;
    }
    if (--j < i || nb === -2) return 0;
    nb = utf8CheckByte(buf[j]);
    if (nb >= 0) {
      if (nb > 0) {
        if (nb === 2) nb = 0;
        else this.lastNeed = nb - 3;
      }
      return nb;
    }
    return 0;
  }

  #utf8Text(buf, i) {
    const total = this.#utf8CheckIncomplete(buf, i);
    if (!this.lastNeed) return buf.toString('utf8', i);
    this.lastTotal = total;
    const end = buf.length - (total - this.lastNeed);
    buf.copy(this.lastChar, 0, end);
    return buf.toString('utf8', i, end);
  }

  #utf16Text(buf, i) {
    if ((buf.length - i) % 2 === 0) {
      const r = buf.toString('utf16le', i);
      if (r) {
        const c = r.charCodeAt(r.length - 1);
        if (c >= 0xD800 && c <= 0xDBFF) {
          this.lastNeed = 2;
          this.lastTotal = 4;
          this.lastChar[0] = buf[buf.length - 2];
          this.lastChar[1] = buf[buf.length - 1];
          return r.slice(0, -1);
        }
      }
      return r;
    }
    this.lastNeed = 1;
    this.lastTotal = 2;
    this.lastChar[0] = buf[buf.length - 1];
    return buf.toString('utf16le', i, buf.length - 1);
  }

  #base64Text(buf, i) {
    const n = (buf.length - i) % 3;
    if (n === 0) return buf.toString(this.encoding, i);
    this.lastNeed = 3 - n;
    this.lastTotal = 3;
    if (n === 1) {
      this.lastChar[0] = buf[buf.length - 1];
    } else {
      this.lastChar[0] = buf[buf.length - 2];
      this.lastChar[1] = buf[buf.length - 1];
    }
    return buf.toString(this.encoding, i, buf.length - n);
  }
}

module.exports = { StringDecoder };
