setTimeout(() => console.log('nan'), NaN);
setTimeout(() => console.log('neg'), -5);
setTimeout(() => console.log('str2'), '2');
setTimeout(() => console.log('zero'), 0);
setTimeout(() => console.log('three'), 3);
