const t = setTimeout(() => console.log('fired'), 50);
setTimeout(() => { t.refresh(); console.log('refreshed'); }, 20);
setTimeout(() => console.log('60'), 60);
setTimeout(() => console.log('100'), 100);
