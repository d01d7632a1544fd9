export const circle = 'circle';
export const square = 'square';
export default 'shapes default';
