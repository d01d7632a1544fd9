process.on('warning', (w) => console.log('got warning', w.name, w.message));
process.emitWarning('listen to me');
