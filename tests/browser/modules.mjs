// The module view: the require-cycle scenario's graph as a tree with the cycle marked, the paths
// the loader tried, jumps from a module to the step that loaded it; the ES module graph's phases
// and top-level await; readable at 360 px; axe finds nothing serious. Screenshots go to artifacts/.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { seriousViolations } from "./lib/axe.mjs";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";
import { counter, setLevel, waitForRun } from "./lib/playground.mjs";

await mkdir(artifacts, { recursive: true });

/** Goes to the last step (module scenarios open there already, with End disabled). */
async function toEnd(page) {
  const [step, last] = await counter(page);
  if (step !== last) await page.getByTestId("end").click();
}

await withBrowser(async (context) => {
  const page = await openPage(context);
  await waitForRun(page);
  // These check the sentences of every trace event: the Internals level.
  await setLevel(page, "internals");
  assert.equal(await page.getByTestId("modules").count(), 0, "a one-file CommonJS run has no module view");

  await page.getByTestId("scenario-picker").selectOption("require-cycle");
  await waitForRun(page);
  await toEnd(page);
  const view = page.getByTestId("modules");
  const names = (await view.getByTestId("module").allTextContents()).map((s) => s.trim());
  assert.deepEqual(names, ["main.js", "a.js", "b.js", "a.js"], "the tree: main → a → b → back to a");
  assert.match(await view.locator(".module").last().textContent(), /cycle: gets its exports half-built/);

  // Every lookup so far lists the paths it tried.
  const lookups = view.locator(".lookups");
  await lookups.locator("summary").click();
  assert.match(await lookups.textContent(), /✗\s\/app\/b, ✓\s\/app\/b\.js/);

  // A module jumps to the step that loaded it; the lookup there shows each path tried.
  const [end] = await counter(page);
  await view.getByTestId("module").nth(2).click();
  const [at] = await counter(page);
  assert.ok(at < end, `jumped back from step ${end} to ${at}`);
  assert.match(await page.getByTestId("narration").textContent(), /'\.\/b' resolves to \/app\/b\.js/);
  const tried = (await view.getByTestId("resolution").locator("li").allTextContents()).map((s) => s.trim());
  assert.deepEqual(tried.slice(0, 2), ["✗missing: /app/b", "✓found: /app/b.js"], `tried: ${tried}`);
  assert.equal((await view.locator(".module.now .name").textContent()).trim(), "a.js", "a.js is the one running");
  await page.screenshot({ path: join(artifacts, "modules-cycle.png"), fullPage: true });

  // A probed path jumps to its own step.
  await view.getByTestId("resolution").locator("li button").first().click();
  assert.match(await page.getByTestId("narration").textContent(), /looks at \/app\/b: nothing there/);

  // An ES module graph: phases, the shared leaf once, the top-level await.
  await page.getByTestId("scenario-picker").selectOption("esm-graph");
  await waitForRun(page);
  await toEnd(page);
  assert.match(await view.locator(".esm-phases .lit").textContent(), /evaluation/);
  assert.match(await view.textContent(), /already loaded: not run again/);
  assert.equal(await view.getByRole("button", { name: "top-level await" }).count(), 1);
  const order = (await view.locator(".eval-order li").allTextContents()).map((s) => s.trim());
  assert.deepEqual(order, ["prices.mjs", "banner.mjs", "cart.mjs", "main.mjs"]);
  await view.screenshot({ path: join(artifacts, "modules-esm.png") });

  // On a 360 px phone the view fits its panel.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByTestId("scenario-picker").selectOption("require-packages");
  await waitForRun(page);
  await toEnd(page);
  // On a phone the panels sit in tabs: the module view is under More.
  await page.getByTestId("panel-tab-more").click();
  await view.locator(".lookups summary").click();
  assert.ok(await view.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), "the module view overflows at 360 px");
  await view.screenshot({ path: join(artifacts, "modules-phone.png") });

  assert.deepEqual(await seriousViolations(page), [], "axe-core found serious or critical violations");
  assert.deepEqual(page.problems, [], "the page reported errors");
  console.log(`modules: ok (cycle scenario ends at step ${end})`);
});
