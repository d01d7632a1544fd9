// Smoke test: the page loads, the wasm app renders the demo, nothing errors, axe finds no
// serious or critical violations. Leaves a screenshot in artifacts/smoke.png.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { seriousViolations } from "./lib/axe.mjs";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";

await withBrowser(async (context) => {
  const page = await openPage(context);
  await page.getByTestId("app").waitFor({ timeout: 30_000 });
  await page.getByTestId("phase").first().waitFor();

  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Looplab");
  assert.equal(await page.getByRole("main").count(), 1);
  const phases = await page.getByTestId("phase").evaluateAll((items) => items.map((li) => li.dataset.phase));
  assert.ok(phases.length > 0, "the demo lists no phases");
  assert.ok(phases.includes("poll"), `the demo never reached the poll phase: ${phases}`);

  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, "smoke.png"), fullPage: true });

  assert.deepEqual(await seriousViolations(page), [], "axe-core found serious or critical violations");
  assert.deepEqual(page.problems, [], "the page reported errors");
  console.log(`smoke: ok (${phases.length} phases listed)`);
});
