// StringDecoder, ours vs node's (src/lib-own; see own_gate.mjs): random texts
// and random bytes cut at random places (with the decoder's visible state after
// every step), encoding names, argument errors, text(), typed-array inputs and
// the decoder's shape.
import { StringDecoder } from 'node:string_decoder';
import util from 'node:util';
import { createRequire } from 'node:module';
import { runsOwnCases } from './own_gate.mjs';

const nodeRequire = createRequire(import.meta.url);

const ENCODINGS = ['utf8', 'utf16le', 'base64', 'base64url', 'hex', 'latin1', 'ascii'];

// A small deterministic generator, so a failure can be replayed.
function rng(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}

const CODE_POINTS = [
  () => 0x41, (r) => 0x20 + r(0x5f), (r) => 0x80 + r(0x780), (r) => 0x800 + r(0xd000),
  (r) => 0xe000 + r(0x2000), (r) => 0x10000 + r(0x100000), (r) => 0xd800 + r(0x400), (r) => 0xdc00 + r(0x400),
  () => 0x1f600, () => 0xffff, () => 0x10ffff, () => 0,
];

function randomString(r, max) {
  let s = '';
  const n = r(max + 1);
  for (let i = 0; i < n; i++) s += String.fromCodePoint(CODE_POINTS[r(CODE_POINTS.length)](r));
  return s;
}

// Bytes that are mostly UTF-8 with damage: lead bytes, stray and missing continuations.
const INTERESTING = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed,
  0xef, 0xf0, 0xf4, 0xf5, 0xf7, 0xf8, 0xfe, 0xff, 0xd8, 0xdb, 0xdc, 0x3d];

function randomBytes(r, max) {
  const n = r(max + 1);
  return Array.from({ length: n }, () => (r(3) === 0 ? r(256) : INTERESTING[r(INTERESTING.length)]));
}

function randomCuts(r, length) {
  const cuts = [];
  let at = 0;
  while (at < length) {
    at += r(5); // 0 makes an empty chunk
    cuts.push(Math.min(at, length));
  }
  return cuts;
}

// Feeds the chunks; records each result and the decoder's visible state.
function run(Decoder, toBuf, enc, bytes, cuts, endWith) {
  const d = new Decoder(enc);
  const log = [];
  const state = () => `${d.lastNeed}/${d.lastTotal}/${Array.from(d.lastChar).join(',')}`;
  let prev = 0;
  for (const c of cuts) {
    log.push(d.write(toBuf(bytes.slice(prev, c))), state());
    prev = c;
  }
  log.push(endWith === undefined ? d.end() : d.end(toBuf(endWith)), state());
  return JSON.stringify(log);
}

function errorText(f) {
  try {
    const v = f();
    return typeof v === 'string' ? JSON.stringify(v) : `value ${String(v)}`;
  } catch (e) {
    return `${e.name} ${e.code}: ${e.message}`;
  }
}

export default function (t) {
  if (!runsOwnCases()) return;
  const { StringDecoder: Ours } = t.realm.require('string_decoder');
  const { Buffer: OurBuffer } = t.realm.require('buffer');
  const ourInspect = t.realm.require('util').inspect;
  const G = t.realm.global;

  // Random texts, encoded, cut at random places.
  const r = rng(20240611);
  for (let trial = 0; trial < 240; trial++) {
    const text = randomString(r, 12);
    for (const enc of ['utf8', 'utf16le', 'base64', 'base64url']) {
      const bytes = Array.from(Buffer.from(text, enc === 'utf16le' ? 'utf16le' : 'utf8'));
      const cuts = randomCuts(r, bytes.length);
      const tail = r(4) === 0 ? bytes.slice(0, r(4)) : undefined;
      t.check(`StringDecoder(${enc}) text ${JSON.stringify(text)} cuts ${cuts} end ${tail}`,
        run(Ours, (x) => OurBuffer.from(x), enc, bytes, cuts, tail),
        run(StringDecoder, (x) => Buffer.from(x), enc, bytes, cuts, tail));
    }
  }

  // Random (often broken) bytes in every encoding.
  for (let trial = 0; trial < 90; trial++) {
    const bytes = randomBytes(r, 14);
    const cuts = randomCuts(r, bytes.length);
    for (const enc of ENCODINGS) {
      t.check(`StringDecoder(${enc}) bytes ${JSON.stringify(bytes)} cuts ${cuts}`,
        run(Ours, (x) => OurBuffer.from(x), enc, bytes, cuts),
        run(StringDecoder, (x) => Buffer.from(x), enc, bytes, cuts));
    }
  }

  // Every short UTF-8 sequence fed one byte at a time, then ended.
  const LEADS = [0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xf7, 0xf8, 0xff];
  const NEXT = [0x41, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc3, 0xe2, 0xf0];
  for (const lead of LEADS) {
    for (const a of NEXT) {
      for (const b of [undefined, ...NEXT]) {
        const bytes = b === undefined ? [lead, a] : [lead, a, b, 0x80];
        for (const cuts of [[1, 2, 3, 4], [bytes.length]]) {
          t.check(`StringDecoder(utf8) sequence ${bytes} cuts ${cuts}`,
            run(Ours, (x) => OurBuffer.from(x), 'utf8', bytes, cuts),
            run(StringDecoder, (x) => Buffer.from(x), 'utf8', bytes, cuts));
        }
      }
    }
  }

  // Encoding names.
  const NAMES = [undefined, null, '', 'utf8', 'UTF8', 'utf-8', 'UTF-8', 'Utf-8', 'ucs2', 'UCS2', 'ucs-2', 'UCS-2',
    'utf16le', 'UTF16LE', 'utf-16le', 'UTF-16LE', 'latin1', 'LATIN1', 'binary', 'Binary', 'base64', 'BASE64',
    'base64url', 'Base64Url', 'hex', 'HEX', 'ascii', 'ASCII', 'utf16', 'utf-16', 'utf-8 ', ' utf8', 'latin-1',
    'us-ascii', 'raw', 'buffer', 'base-64', 'nope', 0, 1, false, true, NaN, 1n, {}, [], ['hex'], ['h', 'e', 'x']];
  const nameOf = (D, enc) => errorText(() => new D(enc).encoding);
  for (const enc of NAMES) {
    t.check(`StringDecoder(${util.inspect(enc)}) encoding`, nameOf(Ours, enc), nameOf(StringDecoder, enc));
  }
  const boxed = (mk) => [mk('hex'), mk('HEX'), mk('Ucs2'), mk('utf8'), mk('')];
  t.check('StringDecoder boxed-string encodings',
    boxed((s) => nameOf(Ours, G.Object(s))), boxed((s) => nameOf(StringDecoder, new String(s))));
  t.check('StringDecoder Symbol encoding',
    nameOf(Ours, G.Symbol('x')), nameOf(StringDecoder, Symbol('x')));

  // Arguments that are not bytes.
  const BAD = [
    ['5', (g) => 5], ['null', (g) => null], ['undefined', (g) => undefined], ['{}', (g) => new g.Object()],
    ['[1,2]', (g) => g.Array.of(1, 2)], ['ArrayBuffer', (g) => new g.ArrayBuffer(2)], ['true', (g) => true],
    ['function', (g) => g.eval('(function f() {})')], ['symbol', (g) => g.Symbol('s')],
  ];
  for (const [name, mk] of BAD) {
    for (const method of ['write', 'end']) {
      t.check(`StringDecoder ${method}(${name})`,
        errorText(() => new Ours()[method](mk(G))), errorText(() => new StringDecoder()[method](mk(globalThis))));
    }
  }

  // Typed arrays and DataViews decode their bytes.
  const views = (g, B) => {
    return [
      new g.Uint16Array([0x4141, 0xc3e2]), new g.Float32Array([1.5]), new g.DataView(new g.Uint8Array([0xe2, 0x82, 0xac]).buffer),
      new g.Uint8Array([0xf0, 0x9f]), new g.Uint8Array([0x98, 0x80]), new g.Int8Array([-30, -126, -84]),
      new g.Uint8Array(new g.ArrayBuffer(8), 3, 4), new g.Uint8Array([1, 2, 3, 0xe2, 0x82, 0xac, 5]).subarray(3, 6),
      B.from([0x68, 0x69]).subarray(1),
    ];
  };
  for (const enc of ENCODINGS) {
    const feed = (D, g, B) => {
      const d = new D(enc);
      return JSON.stringify(views(g, B).map((v) => d.write(v)).concat(d.end(new g.Uint8Array([0xc3]))));
    };
    t.check(`StringDecoder(${enc}) typed arrays`, feed(Ours, G, OurBuffer), feed(StringDecoder, globalThis, Buffer));
  }

  // Strings pass through write and end, and end still flushes.
  for (const enc of ENCODINGS) {
    const strings = (D, B) => {
      const d = new D(enc);
      return JSON.stringify([d.write('abc'), d.write(''), d.write(B.from([0xe2, 0x82])), d.write('x'), d.end('yz'),
        d.lastNeed, d.end('q'), d.write(B.from([0x3d])), d.end(B.from([0xd8])), d.end(''), d.end()]);
    };
    t.check(`StringDecoder(${enc}) strings`, strings(Ours, OurBuffer), strings(StringDecoder, Buffer));
  }

  // text(buf, offset) forgets held bytes and decodes from offset.
  for (const enc of ENCODINGS) {
    const texts = (D, B, g) => {
      const d = new D(enc);
      const out = [];
      for (const [start, buf, offset] of [
        [[0xe2], [0x41, 0x42, 0x43], 1], [[0xf0, 0x9f], [0x98, 0x80, 0x42], 0], [[1], [1, 2, 3, 4], 0],
        [[0x3d], [0x41, 0, 0x42], 0], [[], [0xe2, 0x82, 0x41], 1], [[0xc3], [1, 2, 3], 5], [[0xc3], [0x41, 0xe2], -1],
        [[0xe2], [0x41, 0xe2, 0x82], undefined], [[], [0x41, 0x42, 0x43], '1'],
      ]) {
        out.push(d.write(B.from(start)), d.text(B.from(buf), offset), d.lastNeed, d.lastTotal, d.end());
      }
      out.push(d.text('abcdef', 2), d.text(new g.Uint16Array([0x4141, 0x4242]), 1));
      out.push(errorText(() => d.text(5, 1)) !== '"5"');
      return JSON.stringify(out);
    };
    t.check(`StringDecoder(${enc}) text()`, texts(Ours, OurBuffer, G), texts(StringDecoder, Buffer, globalThis));
  }

  // The decoder's shape: own keys, prototype, getters, inspect.
  const shape = (D) => {
    const d = new D('utf16le');
    const proto = Object.getOwnPropertyNames(D.prototype).map((k) => {
      const desc = Object.getOwnPropertyDescriptor(D.prototype, k);
      return [k, typeof desc.value, typeof desc.get, typeof desc.set, desc.enumerable, desc.configurable,
        desc.writable, (desc.value ?? desc.get).name, (desc.value ?? desc.get).length];
    });
    return JSON.stringify([Object.keys(d), Object.getOwnPropertyNames(d), Object.getOwnPropertySymbols(d).map(String),
      Object.entries(d), Object.getOwnPropertyDescriptor(d, 'encoding'), proto, D.name, D.length, typeof D,
      Object.getOwnPropertySymbols(d).map((s) => Object.getOwnPropertyDescriptor(d, s).enumerable)]);
  };
  t.check('StringDecoder shape', shape(Ours), shape(StringDecoder));
  t.check('string_decoder exports', Object.keys(t.realm.require('string_decoder')),
    Object.keys(nodeRequire('string_decoder')));

  // inspect shows the state buffer, as node's does.
  const inspected = (D, B, inspect) => {
    const out = [];
    for (const enc of ENCODINGS) {
      const d = new D(enc);
      out.push(inspect(d));
      d.write(B.from([0x41, 0xf0, 0x9f]));
      out.push(inspect(d), inspect(d, { showHidden: true }), inspect(d.lastChar));
      d.end();
      out.push(inspect(d));
    }
    return out.join('\n');
  };
  t.check('StringDecoder inspect', inspected(Ours, OurBuffer, ourInspect), inspected(StringDecoder, Buffer, util.inspect));

  // lastChar is a live view of the held bytes; a changed `encoding` does not change decoding.
  const live = (D, B) => {
    const d = new D('utf8');
    d.write(B.from([0xe2, 0x82]));
    const held = d.lastChar;
    const out = [held.length, held === d.lastChar, Array.from(held)];
    d.write(B.from([0xac]));
    out.push(Array.from(held), d.lastNeed, d.lastTotal);
    d.encoding = 'hex';
    out.push(d.write(B.from([0x41])), d.encoding);
    return JSON.stringify(out);
  };
  t.check('StringDecoder lastChar and encoding', live(Ours, OurBuffer), live(StringDecoder, Buffer));

  // A subclass works.
  const sub = (D, B) => {
    class X extends D {}
    const x = new X('base64');
    return JSON.stringify([x.write(B.from([1, 2, 3, 4])), x.end(), x instanceof D, x.encoding]);
  };
  t.check('StringDecoder subclass', sub(Ours, OurBuffer), sub(StringDecoder, Buffer));
}
