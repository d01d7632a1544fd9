console.log('leaf evaluates once');
export const leaf = 1;
