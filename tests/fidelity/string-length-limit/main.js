// A string longer than V8's limit is a RangeError, not a crash.
const attempts = {
  repeat: () => 'x'.repeat(2 ** 30),
  join: () => new Array(2 ** 30).join('x'),
  padEnd: () => 'ab'.padEnd(2 ** 31),
  padStart: () => 'ab'.padStart(2 ** 31, '-'),
  concat: () => { const s = 'x'.repeat(2 ** 26); return s.concat(s, s, s, s, s, s, s, s); },
};
for (const [name, attempt] of Object.entries(attempts)) {
  try {
    attempt();
    console.log(name, 'made a string');
  } catch (e) {
    console.log(name, e.name, e.message);
  }
}
console.log('x'.repeat(25e6).length);
console.log('ab'.padEnd(5, ''), 'ab'.padEnd(6, '12'));
