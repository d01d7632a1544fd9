console.log(require('#dep'));
console.log(require('#internal/util'));
console.log(require('#ext'));
try { require('#missing'); } catch (e) { console.log(e.code, e.message); }
