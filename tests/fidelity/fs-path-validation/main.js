// What fs says about paths, encodings and options it cannot use, before touching a file.
const fs = require('fs');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

attempt('null byte', () => fs.readFileSync('a\u0000b'));
attempt('buffer null byte', () => fs.statSync(Buffer.from([0x61, 0])));
attempt('number path', () => fs.statSync(42));
attempt('http url', () => fs.readFileSync(new URL('http://example.com/x')));
attempt('bad encoding', () => fs.readdirSync('.', 'no-such-encoding'));
attempt('bad options', () => fs.readFileSync('main.js', 42));
attempt('bad mode', () => fs.openSync('x', 'w', 'abc'));
attempt('bad flag', () => fs.openSync('x', 'q'));
attempt('bad fd', () => fs.fstatSync(-1));
attempt('callback missing', () => fs.stat('.'));

console.log('existsSync bad url', fs.existsSync(new URL('https://example.com')));
console.log('existsSync null byte', fs.existsSync('a\u0000'));
console.log('existsSync file url', fs.existsSync(new URL(`file://${__filename}`)));
fs.exists('no-such-file', (found) => console.log('exists', found));
fs.exists('main.js', (found) => console.log('exists main.js', found));
