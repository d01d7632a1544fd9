// Buffer behaviour, ours vs node's: each expression's value (inspected) or error.
import util from 'node:util';
import vm from 'node:vm';
import { Buffer as NodeBuffer } from 'node:buffer';

const EXPRS = [
  "Buffer.from('hello')", "Buffer.from('héllo wörld ✓ 😀')", "Buffer.from('\\ud800x')", "Buffer.from('')",
  "Buffer.from('68656c6c6f', 'hex')", "Buffer.from('6865zz6c', 'hex')", "Buffer.from('abc', 'hex')", "Buffer.from('ABCDEF', 'hex')",
  "Buffer.from('aGVsbG8=', 'base64')", "Buffer.from('aGVsbG8', 'base64')", "Buffer.from('aG Vs\\nbG8=', 'base64')", "Buffer.from('a-_b', 'base64')",
  "Buffer.from('aGVsbG8=', 'base64url')", "Buffer.from('___-', 'base64url')", "Buffer.from('YQ==YQ==', 'base64')", "Buffer.from('Y', 'base64')",
  "Buffer.from('ÿé€', 'latin1')", "Buffer.from('ÿé€', 'ascii')", "Buffer.from('hi€', 'utf16le')", "Buffer.from('hi', 'ucs2')", "Buffer.from('x', 'binary')",
  "Buffer.from([1, 2, 256, -1, 3.7, '7', 'x'])", "Buffer.from(new Uint8Array([5, 6]))", "Buffer.from(new Uint16Array([1, 258]))",
  "Buffer.from(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2)", "Buffer.from(Buffer.from('copy'))", "Buffer.from({ length: 2, 0: 9, 1: 8 })",
  "Buffer.from('x', 'bogus')", "Buffer.from(5)", "Buffer.from(null)", "Buffer.from({ toString() { return 'obj'; } })",
  "Buffer.alloc(5)", "Buffer.alloc(5, 'ab')", "Buffer.alloc(4, 0x101)", "Buffer.alloc(6, 'aGk=', 'base64')", "Buffer.alloc(3, '')", "Buffer.alloc(-1)", "Buffer.alloc(2, 'zz', 'hex')",
  "Buffer.allocUnsafe(3).fill(7)", "Buffer.allocUnsafeSlow(2).fill(1)",
  "Buffer.concat([Buffer.from('a'), Buffer.from('bc')])", "Buffer.concat([Buffer.from('abc'), Buffer.from('de')], 4)", "Buffer.concat([])", "Buffer.concat([Buffer.from('a')], 10)", "Buffer.concat('x')",
  "Buffer.byteLength('héllo')", "Buffer.byteLength('aGVsbG8=', 'base64')", "Buffer.byteLength('abcd', 'hex')", "Buffer.byteLength('ab', 'utf16le')", "Buffer.byteLength(new Uint8Array(7))", "Buffer.byteLength('😀')",
  "Buffer.isBuffer(Buffer.alloc(1))", "Buffer.isBuffer(new Uint8Array(1))", "Buffer.isEncoding('UTF-8')", "Buffer.isEncoding('nope')",
  "Buffer.compare(Buffer.from('a'), Buffer.from('b'))", "Buffer.compare(Buffer.from('b'), Buffer.from('a'))", "Buffer.compare(Buffer.from('ab'), Buffer.from('a'))",
  "Buffer.from('abc').equals(Buffer.from('abc'))", "Buffer.from('abc').equals(Buffer.from('abd'))", "Buffer.from('abc').compare(Buffer.from('xbc'), 1, 3, 1, 3)",
  "Buffer.from('héllo').toString()", "Buffer.from('hello').toString('hex')", "Buffer.from('hello').toString('base64')", "Buffer.from('hello?>').toString('base64url')",
  "Buffer.from('hello').toString('utf8', 1, 3)", "Buffer.from('hello').toString('latin1', -1, 100)", "Buffer.from([0xff, 0xfe, 0x80]).toString('ascii')",
  "Buffer.from([0xe2, 0x82]).toString()", "Buffer.from([0xf0, 0x9f, 0x98, 0x80, 0xc0, 0x41, 0xed, 0xa0, 0x80]).toString()", "Buffer.from([0x68, 0, 0x69, 0, 0x6a]).toString('utf16le')",
  "Buffer.from('hello').toString('bad')", "Buffer.from('abc').toString(undefined, 5)", "Buffer.from('abc').toString('utf8', 2, 1)",
  "Buffer.from('hello').slice(1, 3)", "Buffer.from('hello').subarray(-3)", "Buffer.from('hello').slice(1, 3).toString()",
  "(() => { const b = Buffer.alloc(8); return [b.write('héllo'), b]; })()", "(() => { const b = Buffer.alloc(4); return [b.write('abcdef', 1), b]; })()",
  "(() => { const b = Buffer.alloc(4); return [b.write('ff00', 'hex'), b]; })()", "(() => { const b = Buffer.alloc(4); return [b.write('xyz', 1, 2, 'latin1'), b]; })()",
  "(() => { const b = Buffer.alloc(3); return [b.write('€€'), b]; })()", "(() => { const b = Buffer.alloc(2); return b.write('a', 5); })()",
  "(() => { const b = Buffer.alloc(10); b.writeUInt8(255, 0); b.writeUInt16LE(0x1234, 1); b.writeUInt16BE(0x1234, 3); b.writeUInt32LE(0xdeadbeef, 5); return b; })()",
  "(() => { const b = Buffer.alloc(8); b.writeUInt32BE(0x01020304); b.writeInt32LE(-2, 4); return [b, b.readUInt32BE(0), b.readInt32LE(4), b.readUInt16LE(1), b.readUInt8(3), b.readInt8(4), b.readInt16BE(6)]; })()",
  "(() => { const b = Buffer.alloc(8); b.writeDoubleLE(1.5); return [b, b.readDoubleLE(0)]; })()", "(() => { const b = Buffer.alloc(4); b.writeFloatBE(-2.25); return [b, b.readFloatBE()]; })()",
  "(() => { const b = Buffer.alloc(8); b.writeBigUInt64LE(2n ** 63n); return [b, b.readBigUInt64LE(), b.readBigInt64LE()]; })()",
  "(() => { const b = Buffer.alloc(6); b.writeUIntBE(0x123456, 0, 3); b.writeIntLE(-5, 3, 3); return [b, b.readUIntBE(0, 3), b.readIntLE(3, 3)]; })()",
  "Buffer.alloc(2).readUInt8(2)", "Buffer.alloc(2).writeUInt8(300)", "Buffer.alloc(2).readUInt16LE(1)", "Buffer.alloc(4).writeUInt32LE(-1)", "Buffer.alloc(1).readUInt8(0.5)",
  "Buffer.from('abc').toJSON()", "JSON.stringify(Buffer.from('hi'))", "Buffer.from('abcabc').indexOf('c')", "Buffer.from('abcabc').lastIndexOf('bc')", "Buffer.from('abcabc').indexOf('c', -2)",
  "Buffer.from('abcabc').indexOf(98)", "Buffer.from('abcabc').indexOf(Buffer.from('ca'))", "Buffer.from('abcabc').includes('cab')", "Buffer.from('abc').indexOf('')", "Buffer.from('abc').indexOf('', 10)",
  "Buffer.from('abcabc').lastIndexOf('a', -3)", "Buffer.from('a\\u0000b\\u0000', 'latin1').indexOf('b', 0, 'utf16le')",
  "Buffer.from([1, 2, 3, 4]).swap16()", "Buffer.from([1, 2, 3, 4]).swap32()", "Buffer.from([1, 2, 3]).swap16()", "Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64()",
  "Buffer.from('abc').fill('xy', 1)", "Buffer.from('abcd').fill('ab', 'hex')", "Buffer.from('abcd').fill('zz', 'hex')", "Buffer.from('abcd').fill(Buffer.from([1, 2, 3]))", "Buffer.from('abcd').fill(0, 5)",
  "(() => { const a = Buffer.from('abcdef'); const n = Buffer.from('xyz').copy(a, 2); return [n, a]; })()", "(() => { const a = Buffer.alloc(3); return [Buffer.from('hello').copy(a, 0, 1, 4), a]; })()",
  "Buffer.from('hello').reverse()", "[...Buffer.from('ab').entries()]", "Buffer.from('abc').readUInt16LE()", "Buffer.from('héllo').length",
  "Buffer.from(Array.from({ length: 60 }, (_, i) => i))", "require('buffer').INSPECT_MAX_BYTES", "require('buffer').kMaxLength", "require('buffer').constants.MAX_STRING_LENGTH",
  "Object.assign(Buffer.from('ab'), { extra: 1 })", "[Buffer.from('x')]", "({ buf: Buffer.alloc(3) })",
  "require('buffer').btoa('hello')", "require('buffer').atob('aGVsbG8=')", "require('buffer').atob(' aGVs bG8 ')", "require('buffer').atob('a')", "require('buffer').atob('a-b_')", "require('buffer').btoa('€')",
  "require('buffer').isUtf8(Buffer.from([0xc0]))", "require('buffer').isUtf8(Buffer.from('ok ✓'))", "require('buffer').isAscii(Buffer.from('ok'))",
  "Buffer.from('ab') instanceof Uint8Array", "Buffer.prototype.constructor === Buffer", "Buffer.poolSize", "typeof Buffer.from('a').parent",
  "new Uint8Array(Buffer.from('hey'))", "Buffer.from(Buffer.from('hey').buffer).length >= 3",
];

function describe(fn) {
  try {
    return util.inspect(fn(), { depth: 4 });
  } catch (e) {
    return `threw ${e.name}${e.code ? ` [${e.code}]` : ''}: ${e.message}`;
  }
}

export default function (t) {
  const { realm, check } = t;
  const ours = realm.require('buffer');
  realm.global.Buffer = ours.Buffer;
  realm.global.require = realm.require;
  const nodeCtx = { Buffer: NodeBuffer, require: (n) => (n === 'buffer' ? { ...require_buffer() } : null) };
  for (const src of EXPRS) {
    const mine = describe(() => realm.eval(`(${src})`));
    const theirs = describe(() => vm.runInThisContext(`((Buffer, require) => (${src}))`)(NodeBuffer, (n) => nodeBuffer));
    check(`buffer: ${src}`, mine, theirs);
  }
}

import * as nodeBufferNs from 'node:buffer';
const nodeBuffer = nodeBufferNs.default;
function require_buffer() { return nodeBuffer; }
