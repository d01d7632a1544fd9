globalThis.loads = (globalThis.loads || 0) + 1;
module.exports = { loads: globalThis.loads };
