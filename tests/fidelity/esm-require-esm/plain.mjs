console.log('plain.mjs evaluates');
export const named = 'named';
export default 'default';
