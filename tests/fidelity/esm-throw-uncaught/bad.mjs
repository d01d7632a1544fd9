console.log('bad starts');
throw new Error('thrown from bad.mjs');
