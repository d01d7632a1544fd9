// The upload view: a simulated tus upload survives a dropped connection and a server restart,
// resumes with a HEAD, finishes, and its progress (acknowledged bytes) never moves backwards.
// Leaves a screenshot in artifacts/upload.png.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";

const percent = async (page) =>
  Number((await page.getByTestId("upload-progress").textContent()).match(/^([\d.]+)%/)[1]);

await withBrowser(async (context) => {
  const page = await openPage(context);
  // The upload demo is its own view, one click from the playground.
  await page.getByTestId("view-uploads").click();
  const view = page.getByTestId("upload-view");
  await view.waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId("upload-blocks").locator("li").count(), 20);

  await page.getByTestId("upload-play").click();
  await page.waitForFunction(() => /^([1-9]\d|[2-9])\./.test(document.querySelector('[data-testid="upload-progress"]').textContent));
  const before = await percent(page);
  await page.getByTestId("upload-drop").click();
  await page.getByTestId("upload-restart").click();
  const seen = [before];
  for (;;) {
    const text = await page.getByTestId("upload-progress").textContent();
    seen.push(await percent(page));
    if (text.includes("complete")) break;
    assert.ok(!text.includes("failed"), text);
    await page.waitForTimeout(100);
  }
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], `progress went back: ${seen}`);
  assert.equal(seen.at(-1), 100);
  const log = await page.getByTestId("upload-log").textContent();
  assert.match(log, /done:/);
  const acked = await page.getByTestId("upload-blocks").locator("li.acked").count();
  assert.equal(acked, 20);

  await mkdir(artifacts, { recursive: true });
  await view.screenshot({ path: join(artifacts, "upload.png") });
  assert.deepEqual(page.problems, [], "the page reported errors");
  console.log(`upload: ok (progress ${seen.slice(0, 3).join(", ")} … 100)`);
});
