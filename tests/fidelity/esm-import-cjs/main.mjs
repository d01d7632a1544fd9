import props, * as propsNs from './lib/props.cjs';
import * as literalNs from './lib/literal.cjs';
import fn from './lib/fn.cjs';
import * as fnNs from './lib/fn.cjs';
const { alpha, beta, delta } = propsNs;
console.log(Object.keys(propsNs), alpha, beta(), props.gamma, delta, props === (await import('./lib/props.cjs')).default);
console.log(Object.keys(literalNs), literalNs.default.computed, literalNs.helper());
console.log(fn(), Object.keys(fnNs));
