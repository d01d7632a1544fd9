// libuv reads UV_THREADPOOL_SIZE when the pool starts, at its first request, so a script that
// sets it before then sizes the pool: with one thread, three equal pbkdf2 jobs run one after
// another, each finishing about one job's time after the one before.
process.env.UV_THREADPOOL_SIZE = 1;
console.log('UV_THREADPOOL_SIZE is now the string', JSON.stringify(process.env.UV_THREADPOOL_SIZE));

const crypto = require('crypto');
const { performance } = require('perf_hooks');

const start = performance.now();
const finished = [];
for (let i = 1; i <= 3; i++) {
  crypto.pbkdf2('secret', 'salt', 100000, 32, 'sha256', () => {
    finished.push(performance.now() - start);
    console.log('job', i, 'done');
    if (finished.length === 3) {
      const [first, second, third] = finished;
      // In parallel the three would end together; one at a time, the second ends near twice
      // the first's time and the third near three times.
      console.log('second ended well after the first:', second > first * 1.5);
      console.log('third ended well after the second:', third > second * 1.25);
    }
  });
}

// Set after the pool started, the variable changes nothing any more.
setImmediate(() => { process.env.UV_THREADPOOL_SIZE = 4; });
