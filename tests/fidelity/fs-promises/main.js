const fsp = require('fs/promises');
(async () => {
  const text = await fsp.readFile('data.txt', 'utf8');
  console.log('read', text.trim());
  try {
    await fsp.readFile('nope.txt');
  } catch (e) {
    console.log('error', e.code);
  }
})();
