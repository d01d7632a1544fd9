console.log('lazy evaluates');
export const value = 'lazy value';
export default function lazyDefault() { return 'lazy default'; }
