exports.name = 'pkg main';
