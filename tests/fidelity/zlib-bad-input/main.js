const zlib = require('zlib');
try { zlib.gunzipSync(Buffer.from('not gzip at all, not at all')); } catch (e) { console.log(e.code); }
