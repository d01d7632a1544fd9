const fs = require('fs');
setTimeout(() => console.log('timers phase'), 5);
setImmediate(() => console.log('check phase'));
fs.stat(__filename, () => console.log('poll phase: fs.stat is back'));
