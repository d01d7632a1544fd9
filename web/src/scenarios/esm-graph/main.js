import { total } from './cart.mjs';
import './banner.mjs';
import { price } from './prices.mjs';
console.log('main runs: total', total, 'tea costs', price('tea'));
