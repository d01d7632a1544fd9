import { helper } from './helper.js';
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise'));
console.log(helper(), typeof require);
