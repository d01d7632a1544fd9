exports.createServer = () => 'server';
module.exports.settings = Object.assign({}, { port: 8080 });
Object.defineProperty(exports, 'port', { enumerable: true, get: () => 8080 });
