// A Readable's helpers: map runs up to `concurrency` callbacks at once yet hands results on in
// the stream's order; the helpers check their arguments when called, before any value is read.
const { Readable } = require('stream');

function attempt(label, fn) {
  try {
    fn();
    console.log(`${label}: accepted`);
  } catch (err) {
    console.log(`${label}: ${err.code}: ${err.message}`);
  }
}

attempt('map(42)', () => Readable.from([1]).map(42));
attempt('map concurrency 0', () => Readable.from([1]).map((x) => x, { concurrency: 0 }));
attempt('drop(-1)', () => Readable.from([1]).drop(-1));
attempt('take with a bad signal', () => Readable.from([1]).take(1, { signal: 'stop' }));
console.log('lengths', Readable.prototype.map.length, Readable.prototype.drop.length,
  Readable.prototype.asIndexedPairs.length);

const started = [];
const delays = { a: 30, b: 10, c: 20 };
Readable.from(['a', 'b', 'c'])
  .map(async (name) => {
    started.push(name);
    await new Promise((resolve) => setTimeout(resolve, delays[name]));
    return name.toUpperCase();
  }, { concurrency: 3 })
  .toArray()
  .then((out) => {
    console.log('started together:', started.join(' '), '→ in order:', out.join(' '));
    return Readable.from([1, 2, 3, 4, 5, 6]).filter((n) => n % 2 === 0).take(2).toArray();
  })
  .then((evens) => console.log('first two evens', evens))
  .then(() => Readable.from([1, 2, 3]).reduce((sum, n) => sum + n, 10))
  .then((sum) => console.log('sum', sum))
  .then(() => Readable.from([]).reduce((a, b) => a + b))
  .catch((err) => console.log('empty reduce:', err.code, err.message));
