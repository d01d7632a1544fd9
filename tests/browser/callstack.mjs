// The call stack and the running line: a function called from a setTimeout callback logs. At the
// step that printed, the call-stack panel lists the function over the callback over the task, and
// the editor marks the line that ran; between callbacks the panel says the stack is empty.
// The editor colours keywords, Tab indents, and Escape then Tab leaves it.
import assert from "node:assert/strict";
import { join } from "node:path";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";
import { consoleText, waitForRun } from "./lib/playground.mjs";

const SCRIPT = `function greet(name) {
  console.log("hello " + name);
}
setTimeout(function onTimer() {
  greet("loop");
}, 5);
`;

/** Steps forward until `done()` holds in the page, at most `max` times. */
async function stepUntil(page, done, arg, max = 300) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(done, arg)) return;
    await page.getByTestId("step-forward").click();
  }
  throw new Error(`never reached: ${done}`);
}

await withBrowser(async (context) => {
  const page = await openPage(context);
  await waitForRun(page);
  await page.getByTestId("editor").fill(SCRIPT);
  await page.getByTestId("run").click();
  await waitForRun(page);
  // The new run is the one on the page once its end prints the greeting; then back to the start.
  await page.getByTestId("end").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="console"] li:not([data-future="true"])')?.textContent.includes("hello loop"));
  await page.getByTestId("reset").click();

  // Colours: the keyword is drawn under the textarea.
  const keywords = await page.locator(".colours .tk-kw").allTextContents();
  assert.ok(keywords.includes("function"), `keywords: ${keywords}`);

  // The step that printed: greet over onTimer over the timers-phase task, line 2 lit.
  await stepUntil(page, () => [...document.querySelectorAll('[data-testid="console"] li:not([data-future="true"])')].some((l) => l.textContent.includes("hello loop")));
  assert.match(await consoleText(page), /hello loop/);
  const stack = await page.getByTestId("call-stack").locator(".frame").allTextContents();
  assert.equal(stack.length, 3, `stack: ${stack}`);
  assert.match(stack[0], /greet\s*main\.js:2/);
  assert.match(stack[1], /onTimer\s*main\.js:5/);
  assert.match(stack[2], /timers phase: setTimeout 5 ms · line \d/);
  const running = page.getByTestId("running-line");
  assert.equal(await running.count(), 1);
  assert.equal(await running.getAttribute("data-line"), "2");
  assert.match(await running.textContent(), /console\.log/);
  await page.screenshot({ path: join(artifacts, "callstack-running.png"), fullPage: true });

  // Once the callback returns, nothing of the learner's is on the stack: the loop runs.
  await stepUntil(page, () => !!document.querySelector('[data-testid="call-stack-empty"]'));
  assert.match(await page.getByTestId("call-stack").textContent(), /stack is empty/);
  assert.equal(await page.getByTestId("running-line").count(), 0);

  // Tab indents inside the editor; Escape then Tab moves on, so keyboards are not trapped.
  const editor = page.getByTestId("editor");
  await editor.focus();
  await editor.evaluate((el) => el.setSelectionRange(0, 0));
  await page.keyboard.press("Tab");
  assert.ok((await editor.inputValue()).startsWith("  function greet"), "Tab inserts two spaces");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "editor", "Tab stays in the editor");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  assert.notEqual(await page.evaluate(() => document.activeElement?.dataset.testid), "editor", "Escape, Tab leaves");
});
