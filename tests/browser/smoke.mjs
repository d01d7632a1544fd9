// Smoke test: the page loads, the playground runs its opening scenario, nothing errors, axe finds
// no serious or critical violations. Leaves a screenshot in artifacts/smoke.png.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { seriousViolations } from "./lib/axe.mjs";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";

await withBrowser(async (context) => {
  const page = await openPage(context);
  await page.getByTestId("app").waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => /^step \d+ of ([2-9]|\d\d+)/.test(document.querySelector('[data-testid="step-counter"]')?.textContent ?? ""));

  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Looplab");
  assert.equal(await page.getByRole("main").count(), 1);
  for (const phase of ["timers", "pending", "idle", "prepare", "poll", "check", "close"]) {
    assert.equal(await page.getByTestId(`phase-${phase}`).count(), 1, `phase-${phase} is missing`);
  }

  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, "smoke.png"), fullPage: true });

  assert.deepEqual(await seriousViolations(page), [], "axe-core found serious or critical violations");
  assert.deepEqual(page.problems, [], "the page reported errors");
  console.log(`smoke: ok (${await page.getByTestId("step-counter").textContent()})`);
});
