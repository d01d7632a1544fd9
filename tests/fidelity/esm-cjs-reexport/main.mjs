import * as outer from './outer.cjs';
import t, * as tns from './transpiled.cjs';
console.log(Object.keys(outer), outer.inner);
console.log(t, Object.keys(tns), tns.named);
