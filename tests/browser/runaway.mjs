// Code that never ends runs off the page's thread: while it runs the page answers input (no task
// on the page's thread takes 100 ms or more), progress shows, Stop ends the run within 200 ms and
// keeps what was recorded steppable, and the message names the cause in the learner's terms.
// An engine that traps loses only its worker. A callback that ran long is drawn on the ring as a
// held loop.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";
import { counter, waitForRun } from "./lib/playground.mjs";

const CASES = [
  // At the top level nothing is recorded before the loop: the message is all there is.
  { name: "never-returns", code: "while (true) {}\n", cause: /without returning/, steps: false },
  {
    name: "callback-never-returns",
    code: "console.log('before');\nsetTimeout(function spin() {\n  let n = 0;\n  while (true) { n++; }\n}, 10);\n",
    cause: /without returning/,
  },
  // Each tick does some work, so the run outlasts the wait below and Stop ends it.
  {
    name: "interval",
    code: "setInterval(() => {\n  for (let i = 0; i < 100000; i++);\n}, 1);\n",
    cause: /setInterval keeps the loop alive/,
  },
  {
    name: "many-logs",
    code: "for (let i = 0; i < 100000; i++) console.log('line', i);\n",
    // Printing this much ends by itself at the output limit: the page stays usable meanwhile.
    cause: /output limit/,
    wait: true,
  },
];

/** Starts recording every task of the page's thread that takes 50 ms or more. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.longTasks = [];
    window.longTaskObserver?.disconnect();
    window.longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration));
    });
    window.longTaskObserver.observe({ type: "longtask" });
  });
}

await withBrowser(async (context) => {
  await mkdir(artifacts, { recursive: true });
  const page = await openPage(context);
  await waitForRun(page);
  for (const c of CASES) {
    await page.getByTestId("editor").fill(c.code);
    await watchLongTasks(page);
    await page.getByTestId("run").click();
    const stop = page.getByTestId("stop");
    await stop.waitFor({ timeout: 10_000 });
    // While the run goes on: a click on a control paints at once, and progress shows.
    await page.waitForTimeout(1500);
    const clickMs = [];
    for (const level of ["internals", "learner"]) {
      const t0 = Date.now();
      await page.getByTestId("level").locator(`button[data-level="${level}"]`).click();
      await page.waitForFunction((l) => document.querySelector('[data-testid="level"]')?.dataset.level === l, level);
      clickMs.push(Date.now() - t0);
    }
    const progress = await page.getByTestId("narration").textContent();
    await page.screenshot({ path: join(artifacts, `runaway-${c.name}-running.png`) });
    if (c.wait) await page.getByTestId("run").waitFor({ timeout: 60_000 });
    const stillRunning = await stop.isVisible();
    let stopMs = null;
    if (stillRunning) {
      assert.match(progress, /Running…|still running after/, `${c.name}: progress shows`);
      // Timed on the page: from the click's event to the first paint with the run ended.
      await page.evaluate(() => {
        window.stopTimed = new Promise((done) => {
          document.querySelector('[data-testid="stop"]').addEventListener("click", () => {
            const t0 = performance.now();
            const ended = () => {
              if (!document.querySelector('[data-testid="run"]')) return requestAnimationFrame(ended);
              requestAnimationFrame(() => done(Math.round(performance.now() - t0)));
            };
            ended();
          }, { capture: true, once: true });
        });
      });
      await stop.click();
      stopMs = await page.evaluate(() => window.stopTimed);
    }
    const longTasks = await page.evaluate(() => window.longTasks);
    await page.screenshot({ path: join(artifacts, `runaway-${c.name}.png`) });
    const message = (await page.getByTestId("message").count()) ? await page.getByTestId("message").textContent() : "";
    const stderr = await page.getByTestId("console").textContent();
    console.log(`runaway ${c.name}: clicks ${clickMs.join(", ")} ms; stop ${stopMs ?? "(ended by itself)"} ms; long tasks ${JSON.stringify(longTasks)}; ${message || stderr.slice(-160)}`);
    assert.match(message + stderr, c.cause, `${c.name}: the message names the cause`);
    assert.equal(await page.getByTestId("run-notice").count(), 0, `${c.name}: no notice contradicts the message`);
    if (stopMs !== null) assert.ok(stopMs < 200, `${c.name}: Stop took ${stopMs} ms`);
    // Only a run's end builds its steps on the page's thread; while it ran nothing blocked it.
    const blocking = longTasks.filter((ms) => ms >= 100);
    assert.ok(blocking.length <= 1, `${c.name}: the page's thread was blocked: ${longTasks}`);
    // Timed from node, a click includes Playwright's round trips; the 100 ms bound is the
    // long-task check above. This one catches a click stuck behind the run.
    assert.ok(Math.max(...clickMs) < 500, `${c.name}: clicks took ${clickMs} ms`);
    // What was recorded stays steppable.
    if (c.steps !== false) {
      const [, last] = await counter(page);
      assert.ok(last > 1, `${c.name}: the stopped run has steps (${last})`);
    }
    if (await page.getByTestId("message").count()) await page.getByTestId("message").getByRole("button").click();
  }

  // An engine that traps (a string doubled past what memory holds) takes down only its worker:
  // the page says so and keeps what was recorded.
  await page.getByTestId("editor").fill("console.log('start');\nsetTimeout(() => { let s = 'x'; for (;;) s += s; }, 1);\n");
  await page.getByTestId("run").click();
  await page.getByTestId("run-notice").waitFor({ timeout: 60_000 });
  assert.match(await page.getByTestId("run-notice").textContent(), /engine failed inside its own code/);
  const [, kept] = await counter(page);
  assert.ok(kept > 1, `the trapped run keeps its steps (${kept})`);

  // A callback that ran long without returning: at its step the ring is drawn held.
  await page.getByTestId("scenario-picker").selectOption("busy-loop");
  await waitForRun(page);
  const [, last] = await counter(page);
  if (await page.getByTestId("reset").isEnabled()) await page.getByTestId("reset").click();
  let held = false;
  for (let i = 1; i < last && !held; i++) {
    await page.getByTestId("step-forward").click();
    held = (await page.getByTestId("loop-held").count()) > 0;
  }
  assert.ok(held, "busy-loop: some step draws the loop held");
  assert.match(await page.getByTestId("narration").textContent(), /without returning/);
  assert.match(await page.getByTestId("loop-status").textContent(), /held: your code ran \d+ ms/);
  await page.getByTestId("loop-ring").screenshot({ path: join(artifacts, "runaway-held-ring.png") });

  assert.deepEqual(page.problems, [], "the page reported errors");
});
