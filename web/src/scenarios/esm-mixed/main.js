import { version } from './legacy.cjs';
import { shout } from './modern.mjs';
console.log('main.mjs runs: legacy version', version);
console.log(shout('both loaders share one util.js'));
