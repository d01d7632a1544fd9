globalThis.flaky = (globalThis.flaky || 0) + 1;
if (globalThis.flaky === 1) throw new Error('first load fails');
module.exports = 'flaky loaded on try ' + globalThis.flaky;
