const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.all([delay(20, 'a'), delay(10, 'b'), 'c']).then((v) => console.log('all', v));
Promise.race([delay(20, 'slow'), delay(5, 'fast')]).then((v) => console.log('race', v));
Promise.allSettled([Promise.reject(new Error('x')), 1]).then((r) => console.log(r.map((x) => x.status)));
Promise.any([Promise.reject(1), delay(3, 'any')]).then((v) => console.log('any', v));
