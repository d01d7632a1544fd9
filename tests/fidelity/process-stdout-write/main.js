process.stdout.write('no newline');
process.stdout.write(' then newline\n');
process.stderr.write('to stderr\n');
console.error('console.error');
console.log('done');
