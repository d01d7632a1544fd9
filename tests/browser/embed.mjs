// Embeds a course author can rely on: at 600×400 the code, the loop and the console show inside
// the frame without scrolling (and larger frames still look right); the Embed dialog copies exactly
// the code it shows, carrying the options picked; Share and Embed say "Copied" only when the
// clipboard took the text; a host page steps an embed with postMessage and hears where it is.
// Screenshots: the 600×400 embed, larger frames, the dialog at 1440×900 and 360×740.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { seriousViolations } from "./lib/axe.mjs";
import { artifacts, baseUrl, openPage, withBrowser } from "./lib/chromium.mjs";
import { counter, waitForRun } from "./lib/playground.mjs";

await mkdir(artifacts, { recursive: true });
const png = (name) => join(artifacts, `embed-${name}.png`);

/** The options an iframe's code carries: its fragment's flags and the payload inside. */
function decode(code) {
  const src = /<iframe src="([^"]+)"/.exec(code)?.[1];
  assert.ok(src, `no iframe src in ${code}`);
  const fragment = new URLSearchParams(src.split("#")[1]);
  const payload = fragment.get("s");
  const json = inflateRawSync(Buffer.from(payload, "base64url")).toString();
  return { src, fragment, shared: JSON.parse(json) };
}

async function clipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The dialog's code, the copy note's text after pressing Copy, and the clipboard. */
async function copyEmbed(page) {
  const code = await page.getByTestId("embed-code").inputValue();
  await page.getByTestId("embed-copy").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="embed-copy-status"]').textContent !== "");
  return { code, note: await page.getByTestId("embed-copy-status").textContent(), copied: await clipboard(page) };
}

/** A host page holding `html` (an iframe), and the frame once its run is on screen. */
async function host(page, html, { width = 600, height = 400 } = {}) {
  await page.setViewportSize({ width: width + 40, height: height + 40 });
  await page.setContent(`<!doctype html><body style="margin:20px">${html}
    <script>
      window.events = [];
      addEventListener("message", (e) => { if (e.data && String(e.data.type).startsWith("looplab:")) window.events.push(e.data); });
    </script></body>`);
  const frame = await (await page.$("iframe")).contentFrame();
  await waitForRun(frame);
  return frame;
}

/** Where the panels sit in the frame, and whether anything in it scrolls. */
function layout(frame) {
  return frame.evaluate(() => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, height: r.height, width: r.width };
    };
    const q = (sel) => document.querySelector(sel);
    const firstLine = q(".editor .colours .ln");
    const lineBox = box(firstLine);
    const hit = lineBox && document.elementFromPoint(lineBox.left + 20, lineBox.top + lineBox.height / 2);
    const scrollers = [document.documentElement, document.body, q("main")].filter(Boolean);
    return {
      view: { width: innerWidth, height: innerHeight },
      code: box(q(".editor .code")),
      codeText: q('[data-testid="editor"]')?.value ?? "",
      firstLine: lineBox,
      firstLineText: firstLine?.textContent ?? "",
      firstLineShown: !!hit && q(".editor").contains(hit),
      colours: q(".editor .colours") && getComputedStyle(q(".editor .colours").parentElement).display,
      ring: box(q('[data-testid="loop-ring"]')),
      console: box(q('[data-testid="console"]')),
      forward: box(q('[data-testid="step-forward"]')),
      narration: box(q('[data-testid="narration"]')),
      scrolls: scrollers.some((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1),
    };
  });
}

function assertInside(l, what, minHeight) {
  const b = l[what];
  assert.ok(b, `${what} is missing`);
  assert.ok(b.top >= 0 && b.left >= 0 && b.bottom <= l.view.height + 0.5 && b.right <= l.view.width + 0.5,
    `${what} at ${JSON.stringify(b)} is outside the ${l.view.width}×${l.view.height} frame`);
  assert.ok(b.height >= minHeight, `${what} is ${b.height} px tall, want ${minHeight}`);
}

/** The frame shows code, loop and console inside its viewport, without scrolling. */
function assertCompact(l, size) {
  assert.ok(l.codeText.trim().length > 0, `${size}: the editor is empty`);
  assert.notEqual(l.colours, "none", `${size}: the code's colour layer is hidden`);
  assert.ok(l.firstLineText.trim().length > 0, `${size}: the first code line is blank`);
  assert.ok(l.firstLineShown, `${size}: the first code line is covered or off screen`);
  assertInside(l, "code", 100);
  assertInside(l, "firstLine", 10);
  assertInside(l, "ring", 150);
  assertInside(l, "console", 30);
  assertInside(l, "forward", 20);
  assertInside(l, "narration", 12);
  assert.ok(!l.scrolls, `${size}: the frame scrolls`);
}

await withBrowser(async (context) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl).origin });
  const page = await openPage(context);
  await page.setViewportSize({ width: 1440, height: 900 });
  await waitForRun(page);
  for (let i = 0; i < 3; i++) await page.getByTestId("step-forward").click();
  const [pageStep, pageLast] = await counter(page);

  // Share: "Copied" once the clipboard has the very link shown; a refusal says so.
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-link").inputValue();
  await page.waitForFunction(() => /Copied/.test(document.querySelector('[data-testid="share-copy-status"]').textContent));
  assert.equal(await clipboard(page), link);
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException("no", "NotAllowedError")); });
  await page.getByTestId("share-copy").click();
  await page.waitForFunction(() => /Could not copy/.test(document.querySelector('[data-testid="share-copy-status"]').textContent));
  assert.match(await page.getByTestId("share-copy-status").textContent(), /Select the text/);
  await page.evaluate(() => { delete navigator.clipboard.writeText; });

  // The Embed dialog opens on read-only, the page's level and step, and the panels that fit.
  await page.getByTestId("embed").click();
  assert.equal(await page.getByTestId("embed-copy-status").textContent(), "", "nothing copied yet");
  assert.equal(await page.getByTestId("embed-step").inputValue(), String(pageStep));
  await page.screenshot({ path: png("dialog-1440") });
  let { code, note, copied } = await copyEmbed(page);
  assert.match(note, /Copied/);
  assert.equal(copied, code, "copies exactly what it shows");
  let opened = decode(code);
  assert.ok(opened.src.startsWith(baseUrl), opened.src);
  assert.match(code, /&embed&ro&panels=code,loop,console"/);
  assert.match(code, /width="600" height="400"/);
  assert.deepEqual([opened.shared.level, opened.shared.step], ["learner", pageStep - 1]);
  const defaultCode = code;

  // Unticking read-only drops `&ro`, and the old "Copied" no longer stands for the new code.
  await page.getByTestId("embed-read-only").uncheck();
  assert.equal(await page.getByTestId("embed-copy-status").textContent(), "");
  ({ code, note, copied } = await copyEmbed(page));
  assert.equal(copied, code);
  assert.ok(!code.includes("&ro"), code);
  assert.ok(decode(code).fragment.has("embed"));

  // Internals keeps the moment; then step 5; then panels; each lands in what is copied.
  const sentence = await page.getByTestId("embed-step-sentence").textContent();
  await page.getByTestId("embed-level-internals").check();
  const internalStep = Number(await page.getByTestId("embed-step").inputValue());
  assert.ok(internalStep >= pageStep, `internals step ${internalStep} for learner step ${pageStep}`);
  assert.equal(decode(await page.getByTestId("embed-code").inputValue()).shared.level, "internals");
  await page.getByTestId("embed-level-learner").check();
  assert.equal(await page.getByTestId("embed-step").inputValue(), String(pageStep), "back to the same learner step");
  assert.equal(await page.getByTestId("embed-step-sentence").textContent(), sentence);
  await page.getByTestId("embed-level-internals").check();
  await page.getByTestId("embed-step").fill("5");
  await page.getByTestId("embed-step").press("Tab");
  await page.getByTestId("embed-panel-console").uncheck();
  await page.getByTestId("embed-panel-stack").check();
  ({ code, note, copied } = await copyEmbed(page));
  assert.match(note, /Copied/);
  assert.equal(copied, code);
  opened = decode(code);
  assert.deepEqual([opened.shared.level, opened.shared.step], ["internals", 4]);
  assert.equal(opened.fragment.get("panels"), "code,stack,loop");
  // A step past the end becomes the last one, and the field says so.
  await page.getByTestId("embed-step").fill("99999");
  await page.getByTestId("embed-step").press("Tab");
  const lastInternal = Number(await page.getByTestId("embed-step").inputValue());
  assert.ok(lastInternal > pageLast && lastInternal < 99999, `clamped to ${lastInternal}`);
  assert.equal(decode(await page.getByTestId("embed-code").inputValue()).shared.step, lastInternal - 1);
  await page.getByTestId("embed-step").fill("5");
  await page.getByTestId("embed-step").press("Tab");
  ({ code, copied } = await copyEmbed(page));
  assert.equal(copied, code);
  assert.deepEqual(await seriousViolations(page), [], "axe with the Embed dialog open");

  // The copied code, pasted into a page, opens with those options.
  const hostPage = await context.newPage();
  hostPage.problems = [];
  hostPage.on("console", (m) => m.type() === "error" && hostPage.problems.push(m.text()));
  let frame = await host(hostPage, copied);
  assert.equal(await frame.getByTestId("level").getAttribute("data-level"), "internals");
  assert.equal((await counter(frame))[0], 5);
  assert.equal(await frame.getByTestId("run").count(), 1, "not read-only: a Run button");
  assert.equal(await frame.getByTestId("editor").getAttribute("readonly"), null);
  assert.equal(await frame.getByTestId("console").count(), 0, "console left out");
  assert.equal(await frame.getByTestId("call-stack").count(), 1, "call stack chosen");
  assert.ok(await frame.getByTestId("loop-ring").isVisible());

  // The default code at 600×400: code, loop and console inside the frame, nothing scrolls.
  frame = await host(hostPage, defaultCode);
  assert.equal(await frame.getByTestId("run").count(), 0, "read-only: no Run button");
  assert.equal(await frame.getByTestId("call-stack").count(), 0);
  assertCompact(await layout(frame), "600×400");
  await (await hostPage.$("iframe")).screenshot({ path: png("600x400") });
  // Dark theme too (the frame's own toggle).
  await frame.getByTestId("theme").click();
  assertCompact(await layout(frame), "600×400 dark");
  await (await hostPage.$("iframe")).screenshot({ path: png("600x400-dark") });
  await frame.getByTestId("theme").click();

  // Larger frames keep the three panels in view; a narrow one stacks them and scrolls.
  for (const [width, height] of [[800, 500], [1000, 600], [1280, 720]]) {
    const sized = defaultCode.replace('width="600" height="400"', `width="${width}" height="${height}"`);
    const f = await host(hostPage, sized, { width, height });
    assertCompact(await layout(f), `${width}×${height}`);
    await (await hostPage.$("iframe")).screenshot({ path: png(`${width}x${height}`) });
  }
  {
    const sized = defaultCode.replace('width="600" height="400"', 'width="360" height="560"');
    const f = await host(hostPage, sized, { width: 360, height: 560 });
    const l = await layout(f);
    assert.ok(l.codeText.trim() && l.firstLineShown, "360 wide: the code shows");
    assertInside(l, "forward", 20);
    const wide = await f.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `360 wide frame is ${wide} px wide`);
    await (await hostPage.$("iframe")).screenshot({ path: png("360x560") });
  }

  // A host page drives the embed and hears each step.
  frame = await host(hostPage, defaultCode);
  await hostPage.waitForFunction(() => window.events.some((e) => e.type === "looplab:ready"));
  const ready = await hostPage.evaluate(() => window.events.find((e) => e.type === "looplab:ready"));
  const [, frameLast] = await counter(frame);
  assert.deepEqual([ready.step, ready.last, ready.level], [pageStep, frameLast, "learner"]);
  const send = (message) => hostPage.evaluate((m) => document.querySelector("iframe").contentWindow.postMessage(m, "*"), message);
  const nextStepEvent = async (message) => {
    const before = await hostPage.evaluate(() => window.events.length);
    await send(message);
    await hostPage.waitForFunction((n) => window.events.slice(n).some((e) => e.type === "looplab:step"), before);
    return hostPage.evaluate((n) => window.events.slice(n).find((e) => e.type === "looplab:step"), before);
  };
  let event = await nextStepEvent({ type: "looplab:step" });
  assert.equal(event.step, pageStep + 1);
  assert.equal((await counter(frame))[0], pageStep + 1);
  assert.equal(event.sentence, await frame.getByTestId("narration").textContent());
  event = await nextStepEvent({ type: "looplab:step", by: -3 });
  assert.equal(event.step, pageStep - 2);
  event = await nextStepEvent({ type: "looplab:goto", step: 7 });
  assert.deepEqual([event.step, event.last], [7, frameLast]);
  assert.equal((await counter(frame))[0], 7);
  assert.equal(event.sentence, await frame.getByTestId("narration").textContent());
  event = await nextStepEvent({ type: "looplab:step", by: 2 });
  assert.equal(event.step, 9);
  event = await nextStepEvent({ type: "looplab:goto", step: 100000 });
  assert.equal(event.step, frameLast, "past the end: the last step");
  // Malformed or foreign messages change nothing, and throw nothing.
  const quiet = await hostPage.evaluate(() => window.events.length);
  for (const bad of [null, "looplab:step", 42, [1], { type: "looplab:goto", step: "3" }, { type: "looplab:goto", step: 0 },
    { type: "looplab:goto", step: -1 }, { type: "looplab:step", by: 1.5 }, { type: "looplab:step", by: "2" },
    { type: "looplab:jump" }, { type: "other:step" }, { type: "looplab:goto", step: 2, pad: "x".repeat(10_000) }]) {
    await send(bad);
  }
  event = await nextStepEvent({ type: "looplab:goto", step: 3 });
  assert.equal(event.step, 3);
  const between = await hostPage.evaluate((n) => window.events.slice(n), quiet);
  assert.equal(between.length, 1, `only the valid goto answered: ${JSON.stringify(between)}`);
  assert.equal((await counter(frame))[0], 3);
  // Run: the code runs again and the embed says it is ready, at step 1.
  const beforeRun = await hostPage.evaluate(() => window.events.length);
  await send({ type: "looplab:run" });
  await hostPage.waitForFunction((n) => window.events.slice(n).some((e) => e.type === "looplab:ready"), beforeRun);
  const again = await hostPage.evaluate((n) => window.events.slice(n).find((e) => e.type === "looplab:ready"), beforeRun);
  assert.equal(again.step, 1);
  await waitForRun(frame);
  assert.equal((await counter(frame))[0], 1);
  assert.deepEqual(hostPage.problems, [], "the embed reported errors");
  await hostPage.close();

  // The same page at the top level ignores messages (it is no embed), and a phone-sized dialog fits.
  await page.getByTestId("embed-close").click();
  await page.setViewportSize({ width: 360, height: 740 });
  // A phone folds the header's tools behind ☰.
  await page.getByTestId("tools-toggle").click();
  await page.getByTestId("embed").click();
  await page.getByTestId("embed-dialog").scrollIntoViewIfNeeded();
  const phoneWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(phoneWidth <= 360, `the dialog at 360 px makes the page ${phoneWidth} px wide`);
  await page.screenshot({ path: png("dialog-360") });
  const [before] = await counter(page);
  await page.evaluate(() => window.postMessage({ type: "looplab:goto", step: 2 }, "*"));
  await page.waitForTimeout(200);
  assert.equal((await counter(page))[0], before, "a page that is not embedded takes no commands");

  assert.deepEqual(page.problems, [], "the page reported errors");
  console.log(`embed: ok (${frameLast} learner steps; 600×400 and four other frame sizes checked)`);
});
