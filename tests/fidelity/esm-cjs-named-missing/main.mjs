import { createServer, port as listenPort } from './server.cjs';
console.log('never', createServer, listenPort);
