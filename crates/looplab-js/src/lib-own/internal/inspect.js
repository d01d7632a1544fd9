'use strict';

// The name the Looplab brief uses for util.inspect's home; Node's is internal/util/inspect.
module.exports = require('internal/util/inspect');
