// Two equal jobs on two pool threads, started together: they finish close together.
const crypto = require('crypto');
for (const name of ['first', 'second']) {
  crypto.pbkdf2('pw', 'salt', 5000, 16, 'sha512', () => console.log(name, 'done'));
}
