exports.inner = 'inner value';
exports.shared = 'from inner';
