const crypto = require('crypto');
try { crypto.createHash('nope'); } catch (e) { console.log(e.message); }
