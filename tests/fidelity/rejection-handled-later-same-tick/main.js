const p = Promise.reject(new Error('late'));
process.nextTick(() => p.catch((e) => console.log('caught', e.message)));
