// Playground budgets, printed (not part of `cargo xtask test`): page weight (wasm + JS + CSS,
// gzip), first paint and first usable step in headless Chromium, time per step on a ~20,000-event
// trace, and the time to run a ~5,000-event scenario in the page. Then a cold load (fresh
// profile, empty cache) on localhost and over an emulated 10 Mbit/s link with 150 ms latency,
// and a second visit with the hashed files in the cache: bytes on the wire (the server picks
// brotli, as Chromium asks for it), when the loader paints and when the first run is on screen.
//
//   cargo xtask serve &   # or any server of dist/
//   node tests/bench/playground.mjs [dist-dir]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { baseUrl, openPage, withBrowser } from "../browser/lib/chromium.mjs";
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

/**
 * A cold load in a fresh browser (empty cache), then a second visit that finds the hashed files
 * in the cache: bytes on the wire (Chromium's encoded lengths, headers included), the loader's
 * first paint, the module's arrival and the first run on screen, all from navigation start.
 * `network`: Chromium's emulated conditions, or none for localhost.
 */
async function loads(network) {
  return withBrowser(async (context) => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    if (network) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
    let wire = 0;
    let how = {};
    const coding = new Map();
    cdp.on("Network.responseReceived", (e) => {
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      if (coding.get(e.requestId) === "cached" || e.response.fromDiskCache) coding.set(e.requestId, "cached");
      else coding.set(e.requestId, e.response.status === 304 ? "304" : h["content-encoding"] ?? "identity");
    });
    cdp.on("Network.requestServedFromCache", (e) => coding.set(e.requestId, "cached"));
    // A revalidated file reads as the cached 200; the raw answer on the wire says 304.
    const revalidated = new Set();
    cdp.on("Network.responseReceivedExtraInfo", (e) => e.statusCode === 304 && revalidated.add(e.requestId));
    cdp.on("Network.loadingFinished", (e) => {
      wire += e.encodedDataLength;
      const c = revalidated.has(e.requestId) ? "304" : coding.get(e.requestId) ?? "cached";
      how[c] = (how[c] ?? 0) + 1;
    });
    const visit = async () => {
      wire = 0;
      how = {};
      await page.goto(baseUrl);
      await waitForRun(page);
      const times = await page.evaluate(() => ({
        onScreen: performance.now(),
        loader: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
        html: performance.getEntriesByType("navigation")[0]?.responseEnd ?? NaN,
        wasm: performance.getEntriesByName("looplab:wasm-fetched")[0]?.startTime ?? NaN,
        mounted: performance.getEntriesByName("looplab:mounted")[0]?.startTime ?? NaN,
        sent: performance.getEntriesByName("looplab:run-sent")[0]?.startTime ?? NaN,
        received: performance.getEntriesByName("looplab:run-received")[0]?.startTime ?? NaN,
      }));
      // The opening scenario runs on the page's thread once the app has mounted.
      const stats = await page.getByTestId("run-stats").textContent();
      const run = Number(/in (\d+) ms/.exec(stats)?.[1] ?? NaN);
      return { wire, how, run, ...times };
    };
    const cold = await visit();
    const warm = await visit();
    await cdp.detach();
    return { cold, warm };
  });
}

const ms = (t) => `${t.toFixed(0)} ms`;
for (const [name, network, budget] of [
  ["localhost", null, 1000],
  ["10 Mbit/s, 150 ms RTT", { latency: 150, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 }, 3000],
]) {
  const runs = await loads(network);
  for (const [visit, r] of Object.entries(runs)) {
    const how = Object.entries(r.how).map(([c, n]) => `${n} ${c}`).join(", ");
    console.log(
      `${visit} load, ${name}: ${r.wire < 1e5 ? `${(r.wire / 1e3).toFixed(1)} kB` : `${(r.wire / 1e6).toFixed(2)} MB`} on the wire (${how}${visit === "cold" ? "; budget 1.3 MB" : ""}); ` +
        `HTML in at ${ms(r.html)}, loader painted at ${ms(r.loader)} (${ms(r.loader - r.html)} after the HTML; budget 200 ms), ` +
        `module in at ${ms(r.wasm)}, app mounted at ${ms(r.mounted)}, the opening run sent to its worker at ${ms(r.sent)} ` +
        `and back at ${ms(r.received)} (${ms(r.run)} of running), first run on screen at ${ms(r.onScreen)} (budget ${budget} ms)`,
    );
  }
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
