'use strict';
// Looplab: fs/promises: the callback forms wrapped in promises (one pool request chain per call).

const fs = require('fs');

// readFile, writeFile and appendFile take a FileHandle where they take a path.
function orHandle(fn, method) {
  const wrapped = wrap(fn);
  return (path, ...args) => {
    const { FileHandle } = require('internal/fs/file_handle');
    return path instanceof FileHandle ? path[method](...args) : wrapped(path, ...args);
  };
}

function wrap(fn) {
  return (...args) => new Promise((resolve, reject) => {
    fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

module.exports = {
  readFile: orHandle(fs.readFile, 'readFile'),
  writeFile: orHandle(fs.writeFile, 'writeFile'),
  appendFile: orHandle(fs.appendFile, 'appendFile'),
  stat: wrap(fs.stat),
  lstat: wrap(fs.lstat),
  chmod: wrap(fs.chmod),
  chown: wrap(fs.chown),
  lchown: wrap(fs.lchown),
  symlink: wrap(fs.symlink),
  readlink: wrap(fs.readlink),
  realpath: wrap(fs.realpath),
  readdir: wrap(fs.readdir),
  mkdir: wrap(fs.mkdir),
  rmdir: wrap(fs.rmdir),
  rm: wrap(fs.rm),
  unlink: wrap(fs.unlink),
  rename: wrap(fs.rename),
  copyFile: wrap(fs.copyFile),
  access: wrap(fs.access),
  open: require('internal/fs/file_handle').open,
  truncate: wrap(fs.truncate),
  mkdtemp: wrap(fs.mkdtemp),
  watch(filename, options) {
    return require('internal/fs/watchers').watchPromise(filename, options);
  },
  constants: fs.constants,
};
