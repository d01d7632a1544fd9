// The reference Node server (@tus/server with @tus/file-store) on a free 127.0.0.1 port,
// storing uploads in DIR. Prints "listening PORT".
//   node tus_server.mjs DIR
import http from 'node:http';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';

const tus = new Server({ path: '/files', datastore: new FileStore({ directory: process.argv[2] }) });
const server = http.createServer((req, res) => tus.handle(req, res));
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
