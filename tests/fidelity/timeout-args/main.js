setTimeout((a, b) => console.log('args', a, b), 1, 'x', 42);
setImmediate((a) => console.log('imm arg', a), 'y');
process.nextTick((a, b) => console.log('tick args', a, b), 1, 2);
