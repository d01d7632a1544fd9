async function f() { await null; throw new Error('async fail'); }
f().catch((e) => console.log('caught', e.message));
