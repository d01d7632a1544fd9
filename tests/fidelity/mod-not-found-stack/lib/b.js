try {
  require('./missing-thing');
} catch (e) {
  console.log(e.code);
  console.log(e.message);
  console.log(e.requireStack.map((p) => require('path').basename(p)));
}
try { require('no-such-package/sub'); } catch (e) { console.log(e.message.split('\n')[0]); }
