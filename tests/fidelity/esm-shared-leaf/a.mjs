import { leaf } from './leaf.mjs';
console.log('a evaluates, leaf =', leaf);
export const a = 'A' + leaf;
