import config from './config.json' with { type: 'json' };
console.log(config.name, config.features);
const again = await import('./config.json', { with: { type: 'json' } });
console.log(again.default === config, Object.keys(again));
try {
  await import('./config.json');
} catch (e) {
  console.log(e.name, e.code, e.message.replace(new URL('.', import.meta.url).href, './'));
}
