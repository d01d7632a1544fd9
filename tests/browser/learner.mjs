// The page at first sight, as a new learner meets it: the loop drawn as a ring that follows libuv
// 1.46's order, a learner's pace (the tour in at most 30 steps, plain words at every step of every
// scenario, no Rust debug text), callback cards that name their API and line, the whole console
// after Run with lines still to come marked, and a layout that fits 1440×900 and a 360 px phone.
// Screenshots: artifacts/learner-1440-*.png and artifacts/learner-360.png.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { seriousViolations } from "./lib/axe.mjs";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";
import { allConsoleText, counter, setLevel, waitForRun } from "./lib/playground.mjs";

await mkdir(artifacts, { recursive: true });

/** A screenshot once the cards and the marker have finished moving. */
async function shot(page, name) {
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

// One turn of libuv 1.46's loop, from the phase after the "alive?" check.
const TURN = ["pending", "idle", "prepare", "poll", "check", "close", "timers"];
// Rust's debug forms: TickId(0), RequestDone(RequestId(0)), Some(..), a CamelCase enum with a payload.
const DEBUG = /Id\(|Some\(|\b[A-Z][a-z]+[A-Z]\w*\(/;
const CARD = /^(setTimeout|setInterval) \d+ ms · (line \d+|\S+:\d+)$|^[\w.]+ timer \d+ ms · (line \d+|\S+:\d+)$|^[\w.]+ · (line \d+|\S+:\d+)$/;

/** The lit phase (its name) and whether the entry arrow is lit. */
async function lit(page) {
  return page.evaluate(() => {
    const on = [...document.querySelectorAll('[data-testid="loop-ring"] [aria-current="step"]')].map((e) => e.dataset.testid.replace(/^phase-/, ""));
    const entry = document.querySelector('[data-testid="loop-entry"]').classList.contains("lit");
    const deg = Number(document.querySelector('[data-testid="loop-marker"]').dataset.deg);
    return { on, entry, deg };
  });
}

/** Steps to the end with the keyboard, calling `visit` at every step. */
async function walk(page, visit) {
  await page.keyboard.press("Home");
  for (;;) {
    await visit();
    const [step, last] = await counter(page);
    if (step === last) return last;
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((s) => document.querySelector('[data-testid="step-counter"]').textContent.startsWith(`step ${s + 1} `), step);
  }
}

/** Phases lit while walking the whole run: collapsed runs of the same phase, with the entry marked. */
async function phasesThrough(page) {
  const seen = [];
  let last = -Infinity;
  await walk(page, async () => {
    const { on, entry, deg } = await lit(page);
    assert.ok(on.length <= 1, `one phase lit at a time, got ${on}`);
    // The marker travels clockwise only: it never goes back round the ring.
    assert.ok(deg >= last, `the marker went back from ${last} to ${deg}`);
    last = deg;
    const name = on.length ? (entry ? "entry" : on[0]) : null;
    if (name && seen.at(-1) !== name) seen.push(name);
  });
  return seen;
}

await withBrowser(async (context) => {
  const page = await openPage(context);
  await page.setViewportSize({ width: 1440, height: 900 });
  await waitForRun(page);
  for (const id of ["loop-ring", "level", "microtask-checkpoint", "loop-entry", "loop-alive", "control-bar"]) {
    assert.equal(await page.getByTestId(id).count(), 1, `data-testid=${id} is missing`);
  }
  assert.equal(await page.getByTestId("level").getAttribute("data-level"), "learner", "Learner is the default level");
  assert.equal(await page.getByTestId("upload-view").count(), 0, "the upload demo is its own view");

  // The tour at a learner's pace.
  const [, tourSteps] = await counter(page);
  assert.ok(tourSteps <= 30, `the tour takes ${tourSteps} learner steps`);

  // After Run the whole output is there from the first step, lines still to come marked.
  await page.getByTestId("run").click();
  await waitForRun(page);
  const all = (await allConsoleText(page)).trimEnd().split("\n");
  assert.equal(all.length, 8, `console after Run: ${all}`);
  assert.equal(await page.locator('[data-testid="console"] li[data-future="true"]').count(), 8, "nothing printed at step 1");
  await shot(page, "learner-1440-start");

  // A future line jumps to the step that prints it; that line is then current and no longer future.
  await page.locator('[data-testid="console"] li').nth(0).locator("button").click();
  assert.match(await page.getByTestId("narration").textContent(), /prints “main”/);
  const main = page.locator('[data-testid="console"] li').nth(0);
  assert.equal(await main.getAttribute("aria-current"), "true");
  assert.equal(await main.getAttribute("data-future"), null);
  assert.equal(await page.locator('[data-testid="console"] li[data-future="true"]').count(), 7);

  // Everything a learner needs is on screen at 1440×900, without scrolling.
  for (const id of ["editor", "loop-ring", "call-stack", "narration", "console", "step-forward"]) {
    const box = await page.getByTestId(id).boundingBox();
    assert.ok(box && box.y >= 0 && box.y + Math.min(box.height, 40) <= 900 && box.x + box.width <= 1440, `${id} is off screen: ${JSON.stringify(box)}`);
  }
  const board = await page.locator(".cards-panel").boundingBox();
  assert.ok(board && board.y + board.height <= 900, `the cards are below the fold: ${JSON.stringify(board)}`);
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), 0);

  // The ring follows libuv's order through the tour: the entry run of timers, then whole turns.
  // Every phase enter is a step at the Internals level; at the Learner level phases may be skipped,
  // but the ring never goes backwards.
  await setLevel(page, "internals");
  const internals = await phasesThrough(page);
  assert.equal(internals[0], "entry", `first: ${internals}`);
  for (let i = 1; i < internals.length; i++) {
    assert.equal(internals[i], TURN[(i - 1) % TURN.length], `phase ${i} of ${internals}`);
  }
  assert.ok(internals.length > TURN.length, `at least one whole turn: ${internals}`);
  await setLevel(page, "learner");
  const learner = await phasesThrough(page);
  assert.ok(learner.length >= 3, `the learner sees the ring move: ${learner}`);

  // Three moments of the tour, as the issue asks.
  await page.keyboard.press("Home");
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  await shot(page, "learner-1440-scheduled");
  await page.locator('[data-testid="console"] li').nth(6).locator("button").click();
  assert.match(await page.getByTestId("narration").textContent(), /prints “immediate from I\/O”/);
  await shot(page, "learner-1440-io");

  // Every library scenario, every learner step: plain words, cards with an API and a line, and
  // the narration and the main thread agreeing on whether JavaScript runs.
  const ids = await page.getByTestId("scenario-picker").locator("option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  let steps = 0;
  let cards = 0;
  for (const id of ids) {
    await page.getByTestId("scenario-picker").selectOption(id);
    await waitForRun(page);
    await walk(page, async () => {
      steps++;
      const text = await page.evaluate(() => document.querySelector("main").innerText);
      const bad = DEBUG.exec(text);
      assert.equal(bad, null, `${id} at ${(await counter(page))[0]}: debug text ${bad && text.slice(Math.max(0, bad.index - 60), bad.index + 60)}`);
      const labels = await page.locator('[data-testid="card"] .card-label').allTextContents();
      cards += labels.length;
      for (const l of labels) assert.match(l, CARD, `${id}: card ${l}`);
    });
  }
  assert.ok(cards > 0, "some cards were drawn");
  assert.deepEqual(page.problems, [], "the page reported errors");

  // axe, then a phone: the control bar stays on screen while the panels sit in tabs.
  await page.getByTestId("scenario-picker").selectOption("tour");
  await waitForRun(page);
  assert.deepEqual(await seriousViolations(page), [], "axe at 1440×900");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.keyboard.press("Home");
  for (let i = 0; i < 3; i++) await page.getByTestId("step-forward").click();
  assert.ok(await page.getByTestId("phase-poll").isVisible(), "the ring is the first tab");
  await page.evaluate(() => window.scrollTo(0, 400));
  for (const id of ["step-back", "step-forward", "step-counter", "narration"]) {
    const box = await page.getByTestId(id).boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 740, `${id} scrolled away on a phone: ${JSON.stringify(box)}`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `at 360 px the page is ${width} px wide`);
  await shot(page, "learner-360");
  await page.getByTestId("panel-tab-cards").click();
  assert.ok(await page.getByTestId("console").isVisible());
  assert.ok(!(await page.getByTestId("phase-poll").isVisible()));
  await shot(page, "learner-360-cards");
  assert.deepEqual(await seriousViolations(page), [], "axe at 360×740");

  // A link keeps its level.
  await page.setViewportSize({ width: 1440, height: 900 });
  await setLevel(page, "internals");
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-link").inputValue();
  const restored = await openPage(context, link);
  await waitForRun(restored);
  assert.equal(await restored.getByTestId("level").getAttribute("data-level"), "internals");
  await restored.close();

  assert.deepEqual(page.problems, [], "the page reported errors");
  console.log(`learner: ok (tour ${tourSteps} learner steps; ${ids.length} scenarios, ${steps} learner steps and ${cards} cards checked)`);
});
