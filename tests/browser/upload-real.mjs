// The upload view on the real server: Chromium uploads a 5 MiB file (made here) to the looplab
// serve the page came from, over a link throttled to 1 MiB/s so "midway" is reliable. The test
// cuts the connection during the third part (the PATCH on the wire is aborted), checks progress
// never went back and not every part was acknowledged, resumes, waits for 100%, then asks the
// server itself: HEAD says Upload-Offset == size, GET returns the same bytes, and after the
// resume only one HEAD and the missing parts' PATCHes were sent.
// Leaves a screenshot in artifacts/upload-real.png.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";

const MiB = 1 << 20;
const SIZE = 5 * MiB + 4321;
const PARTS = Math.ceil(SIZE / MiB);

// Bytes nobody could guess, the same every run.
const file = Buffer.alloc(SIZE);
for (let i = 0, x = 7; i < SIZE; i++) {
  x = (x * 1103515245 + 12345) >>> 0;
  file[i] = x >>> 24;
}

const progress = async (page) => {
  const p = page.getByTestId("upload-real-progress");
  const n = async (name) => Number(await p.getAttribute(`data-${name}`));
  return {
    acked: await n("acked"),
    before: await n("patches-before"),
    after: await n("patches-after"),
    text: await p.textContent(),
  };
};

await withBrowser(async (context) => {
  const page = await openPage(context);
  // The upload demo is its own view, one click from the playground.
  await page.getByTestId("view-uploads").click();
  const real = page.getByTestId("upload-real");
  await real.waitFor({ timeout: 30_000 });

  const requests = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/files/")) requests.push(r.method());
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const throttle = (bytesPerSecond) =>
    cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: bytesPerSecond,
    });
  await throttle(MiB);

  await page.getByTestId("upload-file").setInputFiles({ name: "big.bin", mimeType: "application/octet-stream", buffer: file });
  // Every value the acknowledged count takes, as the page draws it.
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="upload-real-progress"]');
    window.ackedSeen = [];
    new MutationObserver(() => window.ackedSeen.push(Number(el.dataset.acked))).observe(el, {
      attributes: true,
      attributeFilter: ["data-acked"],
    });
  });
  await page.getByTestId("upload-start").click();
  await page.waitForFunction(
    (twoParts) => Number(document.querySelector('[data-testid="upload-real-progress"]').dataset.acked) >= twoParts,
    2 * MiB,
    { timeout: 60_000 },
  );
  await page.getByTestId("upload-cut").click();
  const cut = await progress(page);
  assert.match(cut.text, /connection cut/, cut.text);
  assert.ok(cut.acked < SIZE, `all acknowledged before the cut: ${cut.text}`);
  const blocks = page.getByTestId("upload-real-blocks").locator("li");
  assert.equal(await blocks.count(), PARTS);
  const ackedParts = await page.getByTestId("upload-real-blocks").locator("li.acked").count();
  assert.ok(ackedParts >= 2 && ackedParts < PARTS, `${ackedParts} of ${PARTS} parts acknowledged at the cut`);
  assert.equal(cut.acked, ackedParts * MiB, "checksummed parts are acknowledged whole");
  await page.waitForFunction(() => document.querySelector('[data-testid="upload-real-log"]').textContent.includes("aborted"));
  assert.equal(await page.getByTestId("upload-real-blocks").locator("li.lost").count(), 1, "the broken part is drawn lost");
  const sentBeforeResume = requests.length;
  await page.waitForTimeout(500);
  assert.equal(requests.length, sentBeforeResume, "nothing is sent while the connection is cut");

  await throttle(-1);
  await page.getByTestId("upload-resume").click();
  await page.waitForFunction(() => /complete/.test(document.querySelector('[data-testid="upload-real-progress"]').textContent), null, { timeout: 60_000 });
  const done = await progress(page);
  assert.equal(done.acked, SIZE);
  assert.match(done.text, /^100\.0% acknowledged/);
  assert.equal(await page.getByTestId("upload-real-blocks").locator("li.acked").count(), PARTS);

  const seen = await page.evaluate(() => window.ackedSeen);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], `progress went back: ${seen}`);

  // After the resume: one HEAD for the offset, then a PATCH per missing part, nothing else.
  const afterResume = requests.slice(sentBeforeResume);
  const missing = PARTS - ackedParts;
  assert.deepEqual(afterResume, ["HEAD", ...Array(missing).fill("PATCH")]);
  assert.equal(done.after, missing);
  assert.equal(done.before + done.after, requests.filter((m) => m === "PATCH").length);

  const log = await page.getByTestId("upload-real-log").textContent();
  assert.match(log, /POST \/files\/ → 201 Created, Location: \/files\//);
  assert.match(log, /→ 204 No Content, Upload-Offset: \d+/);
  assert.ok(log.includes(`→ 200 OK, Upload-Offset: ${cut.acked}`), log);

  // Ask the server itself, not the page.
  const url = new URL(/\/files\/[0-9A-Za-z_-]+/.exec(done.text.slice(done.text.indexOf("complete")))[0], page.url()).href;
  const head = await fetch(url, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0" } });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get("Upload-Offset"), String(SIZE));
  const stored = Buffer.from(await (await fetch(url)).arrayBuffer());
  assert.ok(stored.equals(file), "the stored bytes differ from the file");

  await mkdir(artifacts, { recursive: true });
  await real.screenshot({ path: join(artifacts, "upload-real.png") });
  // The cut aborts one request on purpose; anything else is a problem.
  const problems = page.problems.filter((p) => !/request failed: .*\/files\/.*ERR_ABORTED/.test(p));
  assert.deepEqual(problems, [], "the page reported errors");
  console.log(`upload-real: ok (cut at ${ackedParts}/${PARTS} parts, resumed with 1 HEAD and ${missing} PATCHes, ${SIZE} bytes stored)`);
});
