const here = new URL('.', import.meta.url).pathname;
const show = (e) => console.log(e.code, e.message.replaceAll(here, './'));
for (const spec of ['./real', './missing.mjs', 'no-such-package', './dir', 'node:nope']) {
  try { await import(spec); } catch (e) { show(e); }
}
console.log((await import('./real.mjs')).real);
