// No SIGINT listener: Ctrl-C ends the process, killed by the signal, without 'exit' listeners.
const server = require('net').createServer();
process.on('exit', (code) => console.log('exit', code));
server.listen(0, '127.0.0.1', () => console.log('ready'));
