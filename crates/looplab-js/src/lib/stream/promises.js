'use strict';

// Looplab: `stream/promises`: pipeline and finished returning promises. An
// options object after the stages may carry `signal` and `end`.

const { pipelineImpl } = require('internal/streams/pipeline');
const eos = require('internal/streams/end-of-stream');

function pipeline(...streams) {
  return new Promise((resolve, reject) => {
    let opts;
    const last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !eos.isNodeStream(last) &&
        typeof last[Symbol.iterator] !== 'function' && typeof last[Symbol.asyncIterator] !== 'function') {
      opts = streams.pop();
    }
    pipelineImpl(streams, (err, value) => (err ? reject(err) : resolve(value)), opts);
  });
}

module.exports = { pipeline, finished: eos.finished };
