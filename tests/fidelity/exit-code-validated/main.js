// process.exitCode takes an integer or an integer string, and nothing else.
for (const code of ['x', 1.5, {}, true]) {
  try {
    process.exitCode = code;
    console.log('accepted', code);
  } catch (e) {
    console.log(e.code, e.name);
  }
}
console.log(process.exitCode);
process.exitCode = '3';
console.log(typeof process.exitCode, process.exitCode);
