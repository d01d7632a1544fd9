try {
  require('./nope');
} catch (e) {
  console.log(e.code);
  console.log(e.message.split('\n')[0]);
}
