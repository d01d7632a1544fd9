console.log('config starts');
process.nextTick(() => console.log('tick from config'));
Promise.resolve().then(() => console.log('promise from config'));
export const config = await new Promise((resolve) => setTimeout(() => resolve({ port: 8080 }), 10));
console.log('config resolved');
