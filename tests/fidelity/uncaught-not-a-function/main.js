// Calling something that is not a function: V8 names what was called, as written, in the
// uncaught report, with the learner's frames and the loader's below them.
const fs = require('fs');

function readConfig() {
  return fs.readJson('config.json');
}

setTimeout(function later() {
  readConfig();
}, 1);
