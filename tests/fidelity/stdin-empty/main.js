// With no input (node run as `node main.js < /dev/null`, as Looplab runs every script),
// process.stdin is a ReadStream on fd 0 that ends at its first read: a readline question gets
// no answer, the interface closes, and reading fd 0 gives nothing.
const fs = require('fs');
const readline = require('readline');

console.log('isTTY', process.stdin.isTTY, 'fd', process.stdin.fd);
console.log('readFileSync(0):', JSON.stringify(fs.readFileSync(0, 'utf8')));
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.question('What is your name? ', (name) => console.log('hello', name));
rl.on('close', () => console.log('\ninput closed'));
process.stdin.on('end', () => console.log('stdin end'));
process.on('exit', (code) => console.log('exit', code));
