process.on('uncaughtException', (e) => console.log('caught', e.message));
queueMicrotask(() => { throw new Error('from microtask'); });
queueMicrotask(() => console.log('next microtask still runs'));
