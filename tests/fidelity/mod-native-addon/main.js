try {
  require('./addon.node');
} catch (e) {
  console.log(e.code, e.message.replace(__dirname, '<here>'));
}
try { require('./addon'); } catch (e) { console.log(e.code); }
