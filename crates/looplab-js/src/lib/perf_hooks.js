'use strict';

// Looplab: perf_hooks (lib/perf_hooks.js, lib/internal/perf/*) on the model's clock: the global
// `performance`, the loop's utilization (idle = time waited in the poll phase, as libuv's
// uv_metrics_idle_time counts it) and an event-loop delay histogram sampled by an unref'd timer,
// as node samples it with a uv timer: every interval records the whole time between two samples,
// so a loop held by JavaScript shows as a long interval.

const clock = internalBinding('clock');
const { codes } = require('internal/errors');
const { validateInteger, validateObject } = require('internal/validators');

const timeOrigin = 1704067200000;

function now() {
  return clock.now();
}

function nodeTiming() {
  const loopStart = clock.loopStart();
  return { name: 'node', entryType: 'node', startTime: 0, loopStart, idleTime: clock.idleTime() };
}

// lib/internal/perf/event_loop_utilization.js: `active` is the loop's time not spent idle since
// it started; before it starts (in the main script) everything is 0.
function eventLoopUtilization(util1, util2) {
  const { loopStart, idleTime } = nodeTiming();
  if (loopStart <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = idleTime;
  const active = now() - loopStart - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

const performance = {
  now,
  timeOrigin,
  eventLoopUtilization,
  get nodeTiming() { return nodeTiming(); },
  toJSON() { return { timeOrigin, nodeTiming: nodeTiming(), eventLoopUtilization: eventLoopUtilization() }; },
};
Object.defineProperty(performance, Symbol.toStringTag, { value: 'Performance', configurable: true });

// Values are kept to three significant digits, as node's HDR histogram keeps them.
function bucketOf(value) {
  if (value < 1000) return value;
  const scale = 10 ** (Math.floor(Math.log10(value)) - 2);
  return Math.round(value / scale) * scale;
}

class Histogram {
  #counts = new Map();
  #count = 0;
  #min = 9223372036854776000;
  #max = 0;
  #sum = 0;
  #sumSquares = 0;
  #exceeds = 0;

  record(value) {
    if (value < 1 || value > Number.MAX_SAFE_INTEGER) {
      this.#exceeds++;
      return;
    }
    const bucket = bucketOf(value);
    this.#counts.set(bucket, (this.#counts.get(bucket) ?? 0) + 1);
    this.#count++;
    this.#min = Math.min(this.#min, value);
    this.#max = Math.max(this.#max, value);
    this.#sum += value;
    this.#sumSquares += value * value;
  }

  get count() { return this.#count; }
  get min() { return this.#min; }
  get max() { return this.#max; }
  get exceeds() { return this.#exceeds; }
  get mean() { return this.#count === 0 ? NaN : this.#sum / this.#count; }
  get stddev() {
    if (this.#count === 0) return NaN;
    const mean = this.#sum / this.#count;
    return Math.sqrt(Math.max(0, this.#sumSquares / this.#count - mean * mean));
  }

  percentile(percentile) {
    if (typeof percentile !== 'number') {
      throw new codes.ERR_INVALID_ARG_TYPE('percentile', 'number', percentile);
    }
    if (!(percentile > 0 && percentile <= 100)) {
      throw new codes.ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    }
    if (this.#count === 0) return 0;
    const wanted = Math.ceil((percentile / 100) * this.#count);
    let seen = 0;
    for (const value of [...this.#counts.keys()].sort((a, b) => a - b)) {
      seen += this.#counts.get(value);
      if (seen >= wanted) return value;
    }
    return this.#max;
  }

  get percentiles() {
    const map = new Map();
    if (this.#count === 0) {
      map.set(100, 0);
      return map;
    }
    for (const p of [0, 50, 75, 87.5, 93.75, 96.875, 98.4375, 99.21875, 100]) {
      map.set(p, p === 0 ? this.#min : this.percentile(p));
    }
    return map;
  }

  reset() {
    this.#counts.clear();
    this.#count = 0;
    this.#min = 9223372036854776000;
    this.#max = 0;
    this.#sum = 0;
    this.#sumSquares = 0;
    this.#exceeds = 0;
  }
}

class IntervalHistogram extends Histogram {
  #resolution;
  #timer = null;
  #previous = 0n;

  constructor(resolution) {
    super();
    this.#resolution = resolution;
  }

  enable() {
    if (this.#timer !== null) return false;
    this.#previous = 0n;
    this.#timer = setInterval(() => {
      const time = process.hrtime.bigint();
      if (this.#previous > 0n) this.record(Number(time - this.#previous));
      this.#previous = time;
    }, this.#resolution);
    this.#timer.unref();
    return true;
  }

  disable() {
    if (this.#timer === null) return false;
    clearInterval(this.#timer);
    this.#timer = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new IntervalHistogram(resolution);
}

function createHistogram() {
  return new Histogram();
}

module.exports = {
  performance,
  monitorEventLoopDelay,
  createHistogram,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
  },
};
