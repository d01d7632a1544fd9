console.log('cjs main starts');
import('./esm.mjs').then((ns) => {
  console.log('imported', ns.answer, ns.default);
  return import('./missing.mjs');
}).catch((e) => console.log(e.code, e.message.split(' imported from ')[0].replace(__dirname, '.')));
console.log('cjs main ends');
