import { count, increment, current } from './counter.mjs';
import * as ns from './counter.mjs';
console.log(count, current, ns.count);
increment(); increment();
console.log(count, current, ns.count);
try { count = 5; } catch (e) { console.log(e.name); }
try { ns.count = 5; } catch (e) { console.log(e.name); }
console.log(Object.isFrozen(ns), Object.keys(ns));
