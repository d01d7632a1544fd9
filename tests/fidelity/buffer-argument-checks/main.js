// Buffer checks offsets, lengths and encodings as Node does: a fraction is "not an integer",
// Infinity is out of range, toString() takes its encoding's string form, and the bounds of
// compare() are each buffer's own length.
const buf = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);

function attempt(label, fn) {
  try {
    console.log(`${label}:`, fn());
  } catch (err) {
    console.log(`${label}: ${err.code}: ${err.message}`);
  }
}

attempt('readInt16LE(1.5)', () => buf.readInt16LE(1.5));
attempt('readInt16LE(Infinity)', () => buf.readInt16LE(Infinity));
attempt('readIntBE(0, Infinity)', () => buf.readIntBE(0, Infinity));
attempt('readDoubleLE(NaN)', () => buf.readDoubleLE(NaN));
attempt('writeUIntLE(1, 0, 7)', () => buf.writeUIntLE(1, 0, 7));
attempt('toString({ toString: () => "hex" })', () => buf.toString({ toString: () => 'hex' }));
attempt('toString(null)', () => buf.toString(null));
attempt('toString("")', () => buf.toString(''));
attempt('copyBytesFrom(u16, 1, 2)', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3, 4]), 1, 2));
attempt('copyBytesFrom(u8, -1)', () => Buffer.copyBytesFrom(new Uint8Array(4), -1));
attempt('copyBytesFrom("nope")', () => Buffer.copyBytesFrom('nope'));
attempt('compare(other, 0, 100)', () => buf.compare(Buffer.alloc(4), 0, 100));
attempt('isAscii("text")', () => require('buffer').isAscii('text'));
attempt('isUtf8(bytes)', () => require('buffer').isUtf8(Buffer.from('snow ☃')));
