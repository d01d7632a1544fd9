// querystring escapes as Node always has: UTF-8 bytes in %XX, a few marks kept as they are,
// and a high surrogate paired with whatever follows it. Its escape and unescape can be
// replaced, and parse and stringify then use the replacements.
const qs = require('querystring');

console.log(qs.escape("it's (nearly) *free*, ~50% off!"));
console.log(qs.escape('Ŋōđĕ ☃'));
console.log(qs.escape('\uD801test'), '(a lone high surrogate takes the next unit)');
try {
  qs.escape('\uD801');
} catch (err) {
  console.log(err.name, err.code, err.message);
}
console.log(qs.stringify({ name: 'Ada Lovelace', tags: ['math', 'poetry'], n: 1.5, no: null }));
console.log(qs.parse('a=1&a=2&b=%E2%98%83&c'));

const { unescape, escape } = qs;
qs.unescape = (s) => s.toUpperCase();
qs.escape = (s) => `<${s}>`;
console.log(qs.parse('key=value'), qs.stringify({ x: 'y' }));
qs.unescape = unescape;
qs.escape = escape;
console.log(qs.parse('key=value'), qs.stringify({ x: 'y' }));
