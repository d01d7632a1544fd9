// Source nested deeper than the parser's stack allows is a catchable RangeError.
try {
  eval('('.repeat(5000) + '1' + ')'.repeat(5000));
  console.log('parsed');
} catch (e) {
  console.log('caught', e.name, e.message);
}
try {
  new Function('return ' + '['.repeat(5000) + ']'.repeat(5000));
  console.log('compiled');
} catch (e) {
  console.log('caught', e.name);
}
