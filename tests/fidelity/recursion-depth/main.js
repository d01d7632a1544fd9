// Recursion a few thousand frames deep works as in node.
function depth(n) { return n ? 1 + depth(n - 1) : 0; }
console.log(depth(3000));
const sum = (n) => (n === 0 ? 0 : n + sum(n - 1));
console.log(sum(5000));
