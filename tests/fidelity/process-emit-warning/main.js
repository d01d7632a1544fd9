process.emitWarning('something odd');
process.emitWarning('custom', 'CustomWarning', 'C001');
console.log('sync done');
