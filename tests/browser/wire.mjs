// The wire view on the hand-written WebSocket scenario: at the opening step the listening handle
// keeps the server alive and the poller watches sockets; at the end the view shows the 101
// response and decoded frames; a chunk's step button and its readiness button jump to their
// steps; it fits a 360 px phone and axe finds nothing serious in it.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { seriousViolations } from "./lib/axe.mjs";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";
import { counter, setLevel, waitForRun } from "./lib/playground.mjs";

await mkdir(artifacts, { recursive: true });

await withBrowser(async (context) => {
  const page = await openPage(context);
  await waitForRun(page);
  // These check the sentences of every trace event: the Internals level.
  await setLevel(page, "internals");
  assert.equal(await page.getByTestId("wire").count(), 0, "no sockets, no wire view");

  await page.getByTestId("scenario-picker").selectOption("ws-echo");
  await waitForRun(page);
  const wire = page.getByTestId("wire");
  await wire.waitFor();

  // It opens where the server reads the upgrade request.
  assert.match(await page.getByTestId("narration").textContent(), /reads \d+ bytes/);
  assert.match(await page.getByTestId("wire-listening").textContent(), /net\.Server.*keeps the process alive/);
  assert.match(await page.getByTestId("wire-interest").textContent(), /readable/);
  assert.match(await page.getByTestId("wire-chunks").textContent(), /HTTP request ?GET \/ HTTP\/1\.1/);

  // At the end: the 101 response, the masked "Hello", the 16-bit length, the close code.
  await page.getByTestId("end").click();
  const [end, last] = await counter(page);
  assert.equal(end, last);
  const chunks = page.getByTestId("wire-chunk");
  const text = await page.getByTestId("wire-chunks").textContent();
  assert.match(text, /HTTP\/1\.1 101 Switching Protocols/);
  assert.match(text, /Sec-WebSocket-Accepts3pPLMBiTxaQ9kYGzzhZRbK\+xOo=/);
  assert.match(text, /WebSocket frame text/);
  assert.match(text, /"Hello"/);
  assert.match(text, /200 \(126, then 16 bits\)/);
  assert.match(text, /close code 1000 \(normal closure\)/);
  const all = await chunks.count();
  await page.screenshot({ path: join(artifacts, "wire-end.png"), fullPage: true });

  // The chunk that carried the 101 jumps to its step; later chunks leave the list.
  const upgrade = chunks.filter({ hasText: "101 Switching Protocols" }).first();
  const jump = upgrade.getByTestId("wire-jump");
  const step = Number(await jump.textContent());
  await jump.click();
  assert.equal((await counter(page))[0], step);
  assert.match(await page.getByTestId("narration").textContent(), /(reads|writes) \d+ bytes/);
  assert.ok((await chunks.count()) < all, "chunks after this step are not shown yet");
  assert.equal(await chunks.filter({ hasText: "101 Switching Protocols" }).count(), 1);

  // Its readiness button jumps to the poll phase's report, a step earlier.
  const ready = chunks.filter({ hasText: "101 Switching Protocols" }).getByTestId("wire-ready");
  assert.match(await ready.textContent(), /readable \(step \d+\)/);
  await ready.click();
  const [at] = await counter(page);
  assert.ok(at < step, `readiness at step ${at}, before the chunk at ${step}`);
  assert.match(await page.getByTestId("narration").textContent(), /epoll reports .* readable/);

  // Another socket's tab shows the other end of the same connection.
  await page.getByTestId("end").click();
  const tabs = page.getByTestId("wire-socket");
  assert.equal(await tabs.count(), 2, "the client's socket and the accepted one");
  const before = await page.locator(".wire-status").textContent();
  await page.locator('[data-testid="wire-socket"][aria-pressed="false"]').first().click();
  assert.notEqual(await page.locator(".wire-status").textContent(), before);
  assert.match(await page.getByTestId("wire-chunks").textContent(), /101 Switching Protocols/);

  // axe, then a 360 px phone: nothing wider than the screen.
  assert.deepEqual(await seriousViolations(page), [], "axe");
  await page.setViewportSize({ width: 360, height: 740 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `at 360 px the page is ${width} px wide`);
  // On a phone the panels sit in tabs: the wire view is under More.
  await page.getByTestId("panel-tab-more").click();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, "More fits 360 px");
  await wire.screenshot({ path: join(artifacts, "wire-phone.png") });

  assert.deepEqual(page.problems, [], "the page reported errors");
  console.log(`wire: ok (${all} chunks at the end of ${last} steps)`);
});
