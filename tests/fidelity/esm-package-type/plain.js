exports.kind = 'CommonJS: nearest package.json says commonjs';
