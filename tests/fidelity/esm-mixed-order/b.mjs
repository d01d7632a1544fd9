console.log('b.mjs runs');
export const fromEsm = 'b';
