// More Buffer behaviour (argument errors, numeric ranges, inspect forms), ours vs node's.
import util from 'node:util';
import vm from 'node:vm';
import nodeBuffer from 'node:buffer';

const EXPRS = [
  'b.writeUIntBE(2 ** 48, 0, 6)', 'b.writeIntLE(2 ** 47, 0, 6)', 'b.writeUIntLE(1, 0, 7)', 'b.writeInt16LE(40000)', 'b.writeBigUInt64LE(-1n)',
  'b.writeBigInt64LE(2n ** 63n)', 'b.readUInt32LE(5)', "b.readUInt8('1')", 'Buffer.alloc(1).readUInt16LE(0)', 'b.writeUInt8(1, 8)',
  'b.writeUInt8(1.5)', 'b.writeUInt8(NaN)', 'b.readDoubleLE(1)', 'b.readUIntLE(0)', 'b.readUint8(0)', 'b.writeInt8(-128, 7)',
  "Buffer.alloc(2).write('a', -1)", "Buffer.alloc(2).write('a', 0, 5)", "Buffer.alloc(2).write('a', 'bogus')",
  "Buffer.alloc(4).write('abcd', 1, 'latin1')", "Buffer.alloc(4).write('abcd', 'hex')",
  "Buffer.from('abc').copy(Buffer.alloc(2), -1)", "Buffer.from('abc').copy('x')", "Buffer.from('abc').fill('a', -1)", "Buffer.from('abc').fill('a', 0, 9)",
  "Buffer.from('abc').fill({})", "Buffer.from('abc').fill(true)", "Buffer.from('abc').compare('x')", "Buffer.from('abc').compare(Buffer.from('a'), -1)",
  "Buffer.compare('a', Buffer.alloc(1))", "Buffer.from('a').equals('a')", "Buffer.from('abc').indexOf({})", "Buffer.from('abc').indexOf('a', 0, 'bad')",
  "Buffer.alloc('5')", 'Buffer.allocUnsafe(-1)', 'Buffer.byteLength(5)', 'Buffer.from(new ArrayBuffer(4), 5)', 'Buffer.from(new ArrayBuffer(4), 1, 9)',
  'Buffer.from(Symbol())', "Buffer.from({ valueOf() { return 'xy'; } })", "Buffer.from({ [Symbol.toPrimitive]() { return 'zz'; } })",
  "Buffer.from({ type: 'Buffer', data: [1, 2] })", "require('buffer').atob()", 'Buffer.concat([1])', "Buffer.from('abc').toString('utf8', NaN, '2')",
  'Buffer.alloc(0)', "Buffer.from('abc').readUInt8(-1)", 'Buffer.of(1, 2)', "Buffer.from('abc').map((x) => x + 1)",
  "Buffer.from('abc').subarray(1).constructor.name", "Buffer.from('abc').slice(-2, -1)", "Buffer.from('abc').slice(5)",
'Object.getOwnPropertyNames(Buffer).sort()', 'Buffer.isBuffer(Buffer.from("a").subarray(0))',
  "Buffer.from('€').toString('hex')", "Buffer.from('ab').toString('base64url')", "Buffer.from('aGk', 'base64').toString()",
  "Buffer.from('hello').toString('ucs2')", "Buffer.from([0x80, 0xff]).toString('latin1')", "Buffer.concat([new Uint8Array([1]), Buffer.from([2])])",
  "[Buffer.from('x').toLocaleString(), Buffer.from('x').toString(undefined)]", 'b.readBigInt64BE(0)', "Buffer.from('a').lastIndexOf('a', 'latin1')",
  "Buffer.from([1, 2, 3]).readUIntBE(0, 3)", 'Buffer.from([255, 255]).readInt16BE()',
  'Buffer.copyBytesFrom(new Uint16Array([1, 2]), 1)',
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
  for (const src of EXPRS) {
    const mine = describe(() => realm.eval(`(() => { const b = Buffer.alloc(8); return (${src}); })()`));
    const theirs = describe(() => vm.runInThisContext(
      `((Buffer, require) => { const b = Buffer.alloc(8); return (${src}); })`)(nodeBuffer.Buffer, () => nodeBuffer));
    check(`buffer_extra: ${src}`, mine, theirs);
  }
  const ourUtil = realm.require('util');
  const B = ours.Buffer;
  t.check('buffer_extra: our inspect', [ourUtil.inspect(B.from('ab')), ourUtil.inspect(Object.assign(B.from('ab'), { x: 1 })),
    ourUtil.inspect(B.alloc(0)), ourUtil.inspect(B.alloc(55)), ourUtil.inspect([[B.from('a')]], { depth: 0 })],
  [util.inspect(Buffer.from('ab')), util.inspect(Object.assign(Buffer.from('ab'), { x: 1 })), util.inspect(Buffer.alloc(0)),
    util.inspect(Buffer.alloc(55)), util.inspect([[Buffer.from('a')]], { depth: 0 })]);
}
