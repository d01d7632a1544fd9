try { process.nextTick(42); } catch (e) { console.log(e.code); }
