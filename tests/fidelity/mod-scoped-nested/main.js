console.log(require('@scope/tool').version, require('dep/package.json').version);
console.log(require('@scope/tool/extra'));
