// A race shown as a race: the main module's setTimeout 0 against setImmediate gets a badge with
// both orders node prints (read from the corpus's recording, not from Looplab), each order is a
// run of its own to step through, and picking one opens at the step where the orders part, which
// the timeline and the scrubber mark. A scenario without a race gets no badge.
// Screenshots: artifacts/race-1440.png, artifacts/race-1440-other.png and artifacts/race-360.png.
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { seriousViolations } from "./lib/axe.mjs";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";
import { allConsoleText, waitForRun } from "./lib/playground.mjs";

await mkdir(artifacts, { recursive: true });

const recorded = JSON.parse(
  await readFile(new URL("../fidelity/race-made-no-race/expected.json", import.meta.url), "utf8"),
);
const nodeOutputs = [recorded.stdout, ...recorded.also.map((o) => o.stdout)];

async function shot(page, name) {
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

/** The index of the pressed order button. */
async function pressed(page) {
  return page.getByTestId("race").locator('button[aria-pressed="true"]').evaluateAll((bs) =>
    bs.map((b) => Number(b.dataset.testid.replace("race-order-", ""))),
  );
}

await withBrowser(async (context) => {
  const page = await openPage(context);
  await page.setViewportSize({ width: 1440, height: 900 });
  await waitForRun(page);

  await page.getByTestId("scenario-picker").selectOption("race-made-no-race");
  await waitForRun(page);
  const badge = page.getByTestId("race-badge");
  await badge.waitFor({ timeout: 10_000 });
  assert.equal((await badge.textContent()).trim(), "2 possible orders");

  // The run on show is one order; its console is that order's output, one of node's.
  const [first] = await pressed(page);
  assert.ok(first === 0 || first === 1, `one order is pressed: ${first}`);
  const firstOutput = await allConsoleText(page);
  assert.ok(nodeOutputs.includes(firstOutput), `node printed ${JSON.stringify(firstOutput)}`);
  const narration = await page.getByTestId("narration").textContent();
  assert.match(narration, /A race/, "the scenario opens at the step timing decides");
  await shot(page, "race-1440");

  // The other order: a run of its own, opened where the orders part.
  const other = 1 - first;
  await page.getByTestId(`race-order-${other}`).click();
  await waitForRun(page);
  await page.waitForFunction(
    (o) => document.querySelector(`[data-testid="race-order-${o}"]`)?.getAttribute("aria-pressed") === "true",
    other,
    { timeout: 10_000 },
  );
  const otherOutput = await allConsoleText(page);
  assert.notEqual(otherOutput, firstOutput);
  assert.ok(nodeOutputs.includes(otherOutput), `node printed ${JSON.stringify(otherOutput)}`);
  assert.deepEqual(new Set([firstOutput, otherOutput]), new Set(nodeOutputs), "both of node's orders are shown");
  assert.match(await page.getByTestId("narration").textContent(), /A race, the other way/);
  const parting = await page.getByTestId("step-counter").textContent();

  // "Where they part" comes back to that step from anywhere; the timeline marks it.
  await page.keyboard.press("End");
  assert.notEqual(await page.getByTestId("step-counter").textContent(), parting);
  await page.getByTestId("race-parting").click();
  assert.equal(await page.getByTestId("step-counter").textContent(), parting);
  assert.equal(await page.getByTestId("timeline-parting").count(), 1, "the timeline marks the parting step");
  assert.equal(await page.locator("#scrub-marks option").count(), 1, "the scrubber marks it");
  await shot(page, "race-1440-other");
  assert.deepEqual(await seriousViolations(page), [], "axe with the orders bar");

  // On a phone the orders bar stays in the sticky control bar and the page keeps its width.
  await page.setViewportSize({ width: 360, height: 740 });
  const box = await badge.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 740, `the badge is on screen: ${JSON.stringify(box)}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `at 360 px the page is ${width} px wide`);
  await shot(page, "race-360");
  await page.setViewportSize({ width: 1440, height: 900 });

  // A share link keeps the order on show: it opens on that order, with the orders bar.
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-link").inputValue();
  const shared = await openPage(context, link);
  await waitForRun(shared);
  await shared.getByTestId("race-badge").waitFor({ timeout: 10_000 });
  assert.deepEqual(await pressed(shared), [other], "the link opens the order it was made on");
  assert.equal(await allConsoleText(shared), otherOutput);
  await shared.close();

  // Inside an I/O callback there is no race: no badge.
  await page.getByTestId("scenario-picker").selectOption("race-io");
  await waitForRun(page);
  assert.equal(await page.getByTestId("race").count(), 0, "race-io has one order");
  assert.deepEqual(page.problems, [], "the page reported errors");
  console.log(`race: ok (orders ${JSON.stringify(nodeOutputs.map((o) => o.split("\n")[0]))}, parting at ${parting})`);
});
