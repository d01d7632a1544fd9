// Playground budgets, printed (not part of `cargo xtask test`): page weight (wasm + JS + CSS,
// gzip), first paint and first usable step in headless Chromium, time per step on a ~20,000-event
// trace, and the time to run a ~5,000-event scenario in the page.
//
//   cargo xtask serve &   # or any server of dist/
//   node tests/bench/playground.mjs [dist-dir]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { openPage, withBrowser } from "../browser/lib/chromium.mjs";
import { counter, waitForRun } from "../browser/lib/playground.mjs";

const dist = process.argv[2] ?? new URL("../../dist/", import.meta.url).pathname;
let gzip = 0;
for (const f of readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f))) {
  const size = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  console.log(`  ${f}: ${(size / 1024).toFixed(0)} KiB gzip`);
  gzip += size;
}
console.log(`page weight: ${(gzip / 1024 / 1024).toFixed(2)} MB gzip (budget 1.6 MB)`);

/** A script whose trace has about `events` events (each immediate with a promise is ~16). */
const script = (n) => `let left = ${n};\nfunction next() {\n  if (--left > 0) setImmediate(() => Promise.resolve().then(next));\n}\nnext();\nconsole.log('started');\n`;

async function runScript(page, source) {
  await page.getByTestId("editor").fill(source);
  await page.getByTestId("run").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="run-stats"]')?.textContent.includes("events") && !document.querySelector('[data-testid="run"]').textContent.includes("again"));
  await waitForRun(page);
  const stats = await page.getByTestId("run-stats").textContent();
  const [, events, ms] = /(\d+) events in (\d+) ms/.exec(stats);
  return { events: Number(events), ms: Number(ms) };
}

await withBrowser(async (context) => {
  const start = Date.now();
  const page = await openPage(context);
  await waitForRun(page);
  const usable = Date.now() - start;
  const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
  console.log(`first contentful paint: ${paint.toFixed(0)} ms; first run on screen: ${usable} ms (budget 1500 ms)`);

  // Events grow linearly with n: one calibration run, then the run that is measured.
  const calibration = await runScript(page, script(200));
  const perN = calibration.events / 200;
  const small = await runScript(page, script(Math.ceil(5000 / perN)));
  console.log(`run: ${small.events} events in ${small.ms} ms (budget 1000 ms for 5,000)`);
  const big = await runScript(page, script(Math.ceil(20000 / perN)));
  const [, last] = await counter(page);
  // Time from a key press to the next frame with the new step on screen, over 40 steps spread
  // through the run (each jump replays from the nearest checkpoint).
  const times = [];
  for (let i = 0; i < 40; i++) {
    const target = Math.floor((last - 1) * (i / 40));
    await page.getByTestId("scrubber").fill(String(target));
    const t = await page.evaluate(() => new Promise((resolve) => {
      const before = performance.now();
      window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
      requestAnimationFrame(() => resolve(performance.now() - before));
    }));
    times.push(t);
  }
  times.sort((a, b) => a - b);
  console.log(`step on a ${big.events}-event trace (${last} steps): median ${times[20].toFixed(1)} ms, worst ${times.at(-1).toFixed(1)} ms (budget 16 ms)`);
});
