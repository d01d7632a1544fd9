import { price } from './prices.mjs';
console.log('cart runs');
export const total = price('tea') + price('cake');
