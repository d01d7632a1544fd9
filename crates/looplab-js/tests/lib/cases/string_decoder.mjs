// StringDecoder over byte streams cut at every position, ours vs node's.
import { StringDecoder } from 'node:string_decoder';

const INPUTS = [
  [0x68, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x21],
  [0xe2, 0x82, 0x41, 0xc3, 0xf0, 0x9f, 0x42, 0xff, 0x80, 0xed, 0xa0, 0x80],
  [0xf0, 0x9f, 0x98], [0xc3], [0x80, 0x80], [0x3d, 0xd8, 0x00, 0xde, 0x61, 0x00, 0x62],
  Array.from({ length: 11 }, (_, i) => i * 23),
];
const ENCODINGS = ['utf8', 'utf16le', 'base64', 'base64url', 'hex', 'latin1', 'ascii'];

function run(Decoder, toBuf, enc, bytes, cuts) {
  const d = new Decoder(enc);
  const parts = [];
  let prev = 0;
  for (const c of [...cuts, bytes.length]) {
    parts.push(d.write(toBuf(bytes.slice(prev, c))));
    prev = c;
  }
  parts.push(d.end());
  return JSON.stringify(parts);
}

export default function (t) {
  const { StringDecoder: Ours } = t.realm.require('string_decoder');
  const { Buffer: OurBuffer } = t.realm.require('buffer');
  for (const enc of ENCODINGS) {
    for (const bytes of INPUTS) {
      for (let a = 0; a <= bytes.length; a++) {
        for (const b of [a, a + 1, a + 2]) {
          if (b > bytes.length) continue;
          const cuts = [a, b];
          t.check(`StringDecoder(${enc}) ${JSON.stringify(bytes)} cut ${cuts}`,
            run(Ours, (x) => OurBuffer.from(x), enc, bytes, cuts), run(StringDecoder, (x) => Buffer.from(x), enc, bytes, cuts));
        }
      }
    }
  }
  const errs = (D) => [() => new D('nope'), () => new D().write(5)].map((f) => { try { f(); return 'ok'; } catch (e) { return `${e.code}: ${e.message}`; } });
  t.check('StringDecoder errors', errs(Ours), errs(StringDecoder));
  t.check('StringDecoder string passthrough', new Ours().write('abc') + new Ours('hex').end(), new StringDecoder().write('abc') + new StringDecoder('hex').end());
}
