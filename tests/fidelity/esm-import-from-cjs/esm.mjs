console.log('esm.mjs evaluates');
export const answer = 42;
export default 'default of esm';
