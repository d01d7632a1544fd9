console.log('loading counter');
let n = 0;
module.exports = {
  increment() { n++; },
  count() { return n; },
};
