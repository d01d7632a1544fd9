Object.defineProperty(exports, '__esModule', { value: true });
exports.default = 'transpiled default';
exports.named = 'transpiled named';
