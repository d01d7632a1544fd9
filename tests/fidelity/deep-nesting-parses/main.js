// Source nested a few hundred levels deep parses as it does in node.
const depth = 300;
const parens = eval('('.repeat(depth) + '1' + ')'.repeat(depth));
const arrays = eval('['.repeat(400) + '1' + ']'.repeat(400));
const objects = eval('{a:'.repeat(depth).replace('{', '({') + '1' + '}'.repeat(depth) + ')');
const functions = eval('(' + 'function(){return '.repeat(150) + '1' + '}'.repeat(150) + ')');
console.log(parens, Array.isArray(arrays), typeof objects, typeof functions);
