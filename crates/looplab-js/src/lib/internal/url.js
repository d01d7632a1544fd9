'use strict';

// Placeholder until the WHATWG URL module lands: nothing is a URL yet.
class URL {}
module.exports = { URL };
