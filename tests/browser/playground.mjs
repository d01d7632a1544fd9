// The playground end to end: phases, queues and pool lanes on the page; stepping back and forward
// lands on the same states; keyboard-only stepping; share links restore files, settings and step;
// bad links get a message and a usable page; embed mode fits 600×400; axe finds nothing serious.
// Screenshots of the main views go to artifacts/.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { seriousViolations } from "./lib/axe.mjs";
import { artifacts, baseUrl, openPage, withBrowser } from "./lib/chromium.mjs";
import { PHASES, consoleText, counter, snapshot, waitForRun } from "./lib/playground.mjs";

await mkdir(artifacts, { recursive: true });
const shot = (page, name) => page.screenshot({ path: join(artifacts, `playground-${name}.png`), fullPage: true });

await withBrowser(async (context) => {
  const page = await openPage(context);
  await waitForRun(page);

  // Every stable hook is on the page.
  for (const id of ["editor", "run", "step-forward", "step-back", "play", "console", "narration", "share", "embed",
    "scenario-picker", "loop-ring", "level", "queue-nexttick", "queue-microtask", "queue-timers", "queue-immediate", "handles", "step-counter",
    ...PHASES.map((p) => `phase-${p}`), "pool-worker-0", "pool-worker-3"]) {
    assert.equal(await page.getByTestId(id).count(), 1, `data-testid=${id} is missing`);
  }
  assert.equal(await page.getByTestId("pool-worker-4").count(), 0, "four pool threads by default");
  assert.match(await page.getByTestId("narration").getAttribute("aria-live"), /polite|assertive/);

  // Run to the end: the console shows what the scenario printed, the process exited.
  await page.getByTestId("end").click();
  const [end, last] = await counter(page);
  assert.equal(end, last);
  const printed = await consoleText(page);
  const lines = printed.trimEnd().split("\n");
  assert.deepEqual(lines.slice(0, 3), ["main", "nextTick", "promise"], `console: ${printed}`);
  assert.ok(lines.indexOf("readFile") < lines.indexOf("immediate from I/O"), `console: ${printed}`);
  assert.ok(lines.indexOf("immediate from I/O") < lines.indexOf("timeout from I/O"), `console: ${printed}`);
  assert.equal(lines.length, 8, `console: ${printed}`);
  assert.match(await page.getByTestId("loop-status").textContent(), /exited with code 0/);
  await shot(page, "end");

  // Step back and forward land on the same states.
  await page.getByTestId("reset").click();
  assert.deepEqual((await counter(page))[0], 1);
  assert.ok(last > 20, `the tour has ${last} steps`);
  for (let i = 0; i < Math.min(25, last - 1); i++) await page.getByTestId("step-forward").click();
  const at25 = await snapshot(page);
  for (let i = 0; i < 7; i++) await page.getByTestId("step-back").click();
  const at18 = await snapshot(page);
  for (let i = 0; i < 7; i++) await page.getByTestId("step-forward").click();
  assert.deepEqual(await snapshot(page), at25);
  for (let i = 0; i < 7; i++) await page.getByTestId("step-back").click();
  assert.deepEqual(await snapshot(page), at18);

  // A phase is lit with aria-current="step" after jumping to the next phase.
  await page.getByTestId("next-phase").click();
  const lit = await page.locator('[aria-current="step"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.equal(lit.length, 1, `one phase lit, got ${lit}`);
  assert.ok(PHASES.map((p) => `phase-${p}`).includes(lit[0]));
  await shot(page, "main");

  // A console line jumps to the step that printed it.
  await page.getByTestId("end").click();
  await page.locator('[data-testid="console"] .jump').first().click();
  assert.match(await page.getByTestId("narration").textContent(), /prints “main”/);

  // Keyboard only: Home, arrows, n for next phase, End.
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("Home");
  assert.equal((await counter(page))[0], 1);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal((await counter(page))[0], 3);
  await page.keyboard.press("ArrowLeft");
  assert.equal((await counter(page))[0], 2);
  await page.keyboard.press("n");
  assert.equal(await page.locator('[aria-current="step"]').count(), 1);
  await page.keyboard.press("End");
  assert.equal((await counter(page))[0], last);
  // Tab reaches the step buttons and Enter presses them.
  await page.getByTestId("step-back").focus();
  await page.keyboard.press("Enter");
  assert.equal((await counter(page))[0], last - 1);

  // Play moves forward by itself; pause stops it.
  await page.keyboard.press("Home");
  await page.getByTestId("play").click();
  await page.waitForFunction(() => !/^step 1 of/.test(document.querySelector('[data-testid="step-counter"]').textContent));
  await page.getByTestId("play").click();
  const paused = await counter(page);
  await page.waitForTimeout(600);
  assert.deepEqual(await counter(page), paused, "pause stops the player");

  // Settings and a scenario pick, then share: the link restores files, settings and step.
  await page.getByTestId("scenario-picker").selectOption("pool-fifth");
  await waitForRun(page);
  await page.getByTestId("setting-pool").fill("3");
  await page.getByTestId("setting-pool").dispatchEvent("change");
  await page.getByTestId("run").click();
  await waitForRun(page);
  assert.equal(await page.getByTestId("pool-worker-2").count(), 1);
  assert.equal(await page.getByTestId("pool-worker-3").count(), 0);
  await page.getByTestId("step-forward").click();
  await page.getByTestId("step-forward").click();
  const shared = await snapshot(page);
  const editorText = await page.getByTestId("editor").inputValue();
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-link").inputValue();
  assert.ok(link.startsWith(baseUrl) && link.includes("#s="), `share link ${link}`);
  const restored = await openPage(context, link);
  await waitForRun(restored);
  assert.equal(await restored.getByTestId("editor").inputValue(), editorText);
  assert.equal(await restored.getByTestId("setting-pool").inputValue(), "3");
  assert.deepEqual(await snapshot(restored), shared);
  assert.deepEqual(restored.problems, []);
  await restored.close();

  // Bad links: a clear message and a usable page.
  for (const [fragment, words] of [["#s=%%%not-a-link", /damaged/], ["#s=" + "A".repeat(70_000), /too large/]]) {
    const bad = await openPage(context, fragment);
    await waitForRun(bad);
    assert.match(await bad.getByTestId("message").textContent(), words);
    await bad.getByTestId("step-forward").click();
    assert.equal((await counter(bad))[0], 2);
    assert.deepEqual(bad.problems, []);
    await bad.close();
  }

  // Embed: the iframe code opens a compact page that fits 600×400.
  await page.getByTestId("embed").click();
  const code = await page.getByTestId("embed-code").inputValue();
  const src = /src="([^"]+)"/.exec(code)[1];
  assert.match(code, /width="600" height="400"/);
  const embed = await context.newPage();
  embed.problems = [];
  embed.on("pageerror", (e) => embed.problems.push(e.message));
  await embed.setViewportSize({ width: 600, height: 400 });
  await embed.goto(src);
  await waitForRun(embed);
  assert.equal(await embed.locator(".app.embed").count(), 1);
  assert.notEqual(await embed.getByTestId("editor").getAttribute("readonly"), null, "read-only editor");
  const width = await embed.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 600, `embed is ${width} px wide`);
  assert.ok(await embed.getByTestId("phase-poll").isVisible());
  assert.ok(await embed.getByTestId("step-forward").isVisible());
  await embed.screenshot({ path: join(artifacts, "playground-embed.png") });
  assert.deepEqual(embed.problems, []);
  await embed.close();

  // Dark theme and a 360 px phone: nothing wider than the screen; axe in both themes.
  assert.deepEqual(await seriousViolations(page), [], "axe (light)");
  await page.getByTestId("theme").click();
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
  assert.deepEqual(await seriousViolations(page), [], "axe (dark)");
  await shot(page, "dark");
  await page.setViewportSize({ width: 360, height: 740 });
  const phoneWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(phoneWidth <= 360, `at 360 px the page is ${phoneWidth} px wide`);
  await shot(page, "phone");

  assert.deepEqual(page.problems, [], "the page reported errors");
  console.log(`playground: ok (${last} steps in the opening scenario)`);
});
