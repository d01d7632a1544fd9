function helper() { return 'helped'; }
const version = '1.2.3';
module.exports = { helper, version: version, computed: 40 + 2 };
