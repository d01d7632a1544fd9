// Looplab: Node.js v20.20.2 lib/internal/events/symbols.js (MIT, Node.js contributors), adapted to
// the Looplab module contract (see README.md); host access goes through internalBinding.
'use strict';

const {
  Symbol,
} = require('internal/primordials');

const kFirstEventParam = Symbol('kFirstEventParam');

module.exports = {
  kFirstEventParam,
};
