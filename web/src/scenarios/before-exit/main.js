let revived = false;
process.on('beforeExit', () => {
  console.log('beforeExit');
  if (!revived) {
    revived = true;
    setTimeout(() => console.log('timer from beforeExit'), 10);
  }
});
process.on('exit', (code) => console.log('exit', code));
