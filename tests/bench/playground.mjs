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
import { counter, setLevel, waitForRun } from "../browser/lib/playground.mjs";

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

/** The same chain, printing a line every tenth link: the console panel grows as the learner steps. */
const printing = (n) => script(n).replace("if (--left > 0)", "if (left % 10 === 0) console.log('left', left);\n  if (--left > 0)");

/**
 * Steps 40 times through the run, spread over it (each jump replays from the nearest checkpoint),
 * and prints two numbers per step:
 * - the main thread's work for it: Chromium's task time (script, style, layout, paint; the
 *   DevTools protocol's own commands left out) over the two frames after the key press, less the
 *   same two frames with no key press, measured right after on the settled page;
 * - the time from the key press to the next animation frame, which also holds the wait for that
 *   frame (up to one frame, 16.7 ms, whatever the work).
 */
async function stepTimes(page, name, events) {
  const [, last] = await counter(page);
  if (last < 42) {
    console.log(`step on a ${events}-event trace (${name}): only ${last} steps, not measured`);
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const busy = async () => {
    const m = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((x) => [x.name, x.value]));
    return (m.TaskDuration - m.DevToolsCommandDuration) * 1000;
  };
  // Two frames, after a key press or not; resolves with the time to the first.
  const frames = (press) => page.evaluate((press) => new Promise((resolve) => {
    const start = performance.now();
    if (press) window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    requestAnimationFrame(() => {
      const first = performance.now() - start;
      requestAnimationFrame(() => resolve(first));
    });
  }), press);
  const measured = async (press) => {
    const before = await busy();
    const first = await frames(press);
    return [(await busy()) - before, first];
  };
  const work = [];
  const toFrame = [];
  for (let i = 0; i < 40; i++) {
    await page.getByTestId("scrubber").fill(String(Math.floor((last - 1) * (i / 40))));
    await frames(false);
    const [pressed, first] = await measured(true);
    const [idle] = await measured(false);
    work.push(Math.max(0, pressed - idle));
    toFrame.push(first);
  }
  await cdp.detach();
  const stats = (xs) => { xs.sort((a, b) => a - b); return `median ${xs[20].toFixed(1)} ms, worst ${xs.at(-1).toFixed(1)} ms`; };
  console.log(`step on a ${events}-event trace (${name}, ${last} steps): work ${stats(work)} (budget 16 ms); key to next frame ${stats(toFrame)}`);
}

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
  for (const [name, make] of [["quiet", script], ["printing", printing]]) {
    const big = await runScript(page, make(Math.ceil(20000 / perN)));
    // Both levels of detail: the Learner level draws cards, the Internals level every event.
    for (const level of ["learner", "internals"]) {
      await setLevel(page, level);
      await stepTimes(page, `${name}, ${level}`, big.events);
    }
    await setLevel(page, "learner");
  }
});
