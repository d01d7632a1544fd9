const path = require('path');
for (const id of ['noext', 'dirmain', 'jsonidx', 'nomain']) {
  console.log(require(id), path.relative(__dirname, require.resolve(id)));
}
