// The usual lag measurements: a histogram of loop delays and the loop's utilization see a
// 100 ms block of JavaScript.
const { monitorEventLoopDelay, performance } = require('perf_hooks');
console.log('before the loop starts:', JSON.stringify(performance.eventLoopUtilization()));
const histogram = monitorEventLoopDelay({ resolution: 10 });
console.log('enable:', histogram.enable(), histogram.enable());
console.log('empty:', histogram.count, histogram.min, histogram.max);
setTimeout(() => {
  const start = Date.now();
  while (Date.now() - start < 100) {}
}, 50);
setTimeout(() => {
  histogram.disable();
  const ms = (ns) => ns / 1e6;
  console.log('samples:', histogram.count > 5);
  console.log('the block shows as an interval over 90 ms:', ms(histogram.max) > 90);
  console.log('p50 below the block:', ms(histogram.percentile(50)) < 50);
  console.log('percentiles reach 100:', histogram.percentiles.has(100));
  const elu = performance.eventLoopUtilization();
  console.log('utilization shape:', Object.keys(elu).join(','));
  console.log('busy for part of the time:', elu.utilization > 0.2 && elu.utilization < 0.95);
  console.log('idle and active add up:', Math.abs(elu.idle + elu.active - (performance.now() - performance.nodeTiming.loopStart)) < 5);
  const later = performance.eventLoopUtilization(elu);
  console.log('delta is small:', later.idle + later.active < 5);
}, 300);
