const greet = require('greet');
const { shout } = require('greet/shout');
const pad = require('pad');
console.log(greet('Ada'), shout('hi'), pad('7', 3));
try {
  require('greet/lib/index.js');
} catch (e) {
  console.log(e.code);
}
