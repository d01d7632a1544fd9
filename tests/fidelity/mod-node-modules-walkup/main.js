require('./src/deep/inner/use');
try { require('near'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
