console.log('sibling runs without waiting');
export const sibling = true;
