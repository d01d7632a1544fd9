// Helpers for driving the playground: wait for a run, read the state a learner sees.
export const PHASES = ["timers", "pending", "idle", "prepare", "poll", "check", "close"];

/** Switches the page to a level of detail: "learner" (the default) or "internals". */
export async function setLevel(page, level) {
  await page.getByTestId("level").locator(`button[data-level="${level}"]`).click();
  await page.waitForFunction((l) => document.querySelector('[data-testid="level"]')?.dataset.level === l, level);
}

/** [step, last] from the step counter ("step K of N"). */
export async function counter(page) {
  const text = await page.getByTestId("step-counter").textContent();
  const m = /^step (\d+) of (\d+)$/.exec(text.trim());
  if (!m) throw new Error(`step counter reads ${JSON.stringify(text)}`);
  return [Number(m[1]), Number(m[2])];
}

/** Waits until a run has finished and its steps are on the page. */
export async function waitForRun(page) {
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-testid="step-counter"]')?.textContent ?? "";
    const running = document.querySelector('[data-testid="stop"]') || document.querySelector('[data-testid="narration"]')?.textContent.startsWith("Running…");
    return /^step \d+ of \d+$/.test(text) && !text.endsWith(" of 1") && !running;
  }, null, { timeout: 30_000 });
}

/** Everything the panels show at this step, for comparing two visits of the same step. */
export async function snapshot(page) {
  return page.evaluate(() => {
    const text = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
    const current = [...document.querySelectorAll('[aria-current="step"]')].map((e) => e.dataset.testid);
    return {
      counter: text("step-counter"),
      narration: text("narration"),
      current,
      queues: ["queue-nexttick", "queue-microtask", "queue-timers", "queue-immediate"].map(text),
      pool: [...document.querySelectorAll('[data-testid^="pool-worker-"]')].map((e) => e.textContent),
      handles: text("handles"),
      console: text("console"),
    };
  });
}

/** What the script has printed by this step, one entry per line (lines still to come are left out). */
export async function consoleText(page) {
  return page.locator('[data-testid="console"] li:not([data-future="true"]) .text').evaluateAll((spans) => spans.map((s) => s.textContent + "\n").join(""));
}

/** Every line the run prints, printed yet or not. */
export async function allConsoleText(page) {
  return page.locator('[data-testid="console"] .text').evaluateAll((spans) => spans.map((s) => s.textContent + "\n").join(""));
}
