const fs = require('fs');
fs.writeFileSync('/tmp/looplab-fidelity-w.txt', 'hello ');
fs.appendFileSync('/tmp/looplab-fidelity-w.txt', 'world');
console.log(fs.readFileSync('/tmp/looplab-fidelity-w.txt', 'utf8'));
fs.writeFile('/tmp/looplab-fidelity-w2.txt', 'async', (err) => {
  console.log('written', err);
  console.log(fs.readFileSync('/tmp/looplab-fidelity-w2.txt', 'utf8'));
});
