console.log('prices starts loading');
const table = await new Promise((resolve) => setTimeout(() => resolve({ tea: 3, cake: 4 }), 10));
console.log('prices loaded');
export const price = (item) => table[item];
