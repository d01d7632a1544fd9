import { config } from './config.mjs';
import { sibling } from './sibling.mjs';
console.log('main', config.port, sibling);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick from main'));
Promise.resolve().then(() => console.log('promise from main'));
