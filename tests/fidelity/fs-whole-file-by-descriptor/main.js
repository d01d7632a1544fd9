// readFile, writeFile, appendFile and truncate given a descriptor instead of a path.
const fs = require('fs');

process.on('warning', (w) => console.log('warning', w.name, w.code));
fs.writeFileSync('byfd.txt', 'Hello World');

let fd = fs.openSync('byfd.txt', 'r+');
const head = Buffer.alloc(6);
fs.readSync(fd, head, 0, 6);
// From the descriptor's position, not the start.
console.log(JSON.stringify(fs.readFileSync(fd, 'utf8')));
fs.writeFileSync(fd, '!');
fs.appendFileSync(fd, '?');
fs.closeSync(fd);
console.log(fs.readFileSync('byfd.txt', 'utf8'));

fd = fs.openSync('byfd.txt', 'r+');
fs.readFile(fd, 'utf8', (err, text) => {
  console.log('readFile fd', err, text);
  fs.writeFile(fd, '+tail', (err2) => {
    console.log('writeFile fd', err2);
    fs.truncate(fd, 5, (err3) => {
      console.log('truncate fd', err3, fs.readFileSync('byfd.txt', 'utf8'));
      fs.closeSync(fd);
      fs.appendFile('byfd.txt', ' there', () => {
        console.log(fs.readFileSync('byfd.txt', 'utf8'));
        fs.unlinkSync('byfd.txt');
      });
    });
  });
});
