const thenable = { then(r) { console.log('then called'); r('v'); } };
Promise.resolve(thenable).then((v) => console.log('resolved', v));
Promise.resolve().then(() => console.log('plain'));
