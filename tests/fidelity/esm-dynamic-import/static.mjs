console.log('static evaluates');
export const s = 1;
