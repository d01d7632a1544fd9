setTimeout((a, b) => {
  console.log('args', a, b);
  setImmediate((c) => console.log('imm arg', c), 'y');
}, 1, 'x', 42);
process.nextTick((a, b) => console.log('tick args', a, b), 1, 2);
