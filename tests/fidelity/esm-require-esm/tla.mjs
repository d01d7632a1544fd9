console.log('tla.mjs never runs: require() refuses the graph first');
await Promise.resolve();
export const late = true;
