// Every library scenario runs to the end with no page error, and its console panel equals what
// `looplab run` prints for the same files (when the looplab binary is there to ask).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { openPage, withBrowser } from "./lib/chromium.mjs";
import { consoleText, counter, waitForRun } from "./lib/playground.mjs";

const repo = new URL("../../", import.meta.url).pathname;
const looplab = [process.env.LOOPLAB_BIN, join(repo, "target/debug/looplab"), join(repo, "target/release/looplab")]
  .find((p) => p && existsSync(p));

/** What `looplab run` prints for these files, with the scratch directory written as /app. */
function cli(files, pool, cores, esm) {
  const dir = mkdtempSync(join(tmpdir(), "looplab-scenario-"));
  try {
    const names = files.map((f, i) => (i === 0 && esm ? f.name.replace(/\.js$/, ".mjs") : f.name));
    files.forEach((f, i) => {
      // A package's files live under node_modules/: make their folders first.
      mkdirSync(dirname(join(dir, names[i])), { recursive: true });
      writeFileSync(join(dir, names[i]), f.text);
    });
    let out;
    try {
      out = execFileSync(looplab, ["run", "--threadpool", String(pool), "--cores", String(cores), names[0]], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    } catch (e) {
      out = (e.stdout ?? "") + (e.stderr ?? "");
    }
    return out.split(dir).join("/app");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The scenario's files as the editor shows them, one tab at a time. */
async function scenarioFiles(page) {
  const tabs = page.getByRole("tab");
  if ((await tabs.count()) === 0) {
    return [{ name: (await page.locator(".tabs.single").textContent()).trim(), text: await page.getByTestId("editor").inputValue() }];
  }
  const files = [];
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    files.push({ name: (await tabs.nth(i).textContent()).trim(), text: await page.getByTestId("editor").inputValue() });
  }
  await tabs.first().click();
  return files;
}

await withBrowser(async (context) => {
  const page = await openPage(context);
  await waitForRun(page);
  const ids = await page.getByTestId("scenario-picker").locator("option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(ids.length >= 24, `only ${ids.length} scenarios`);
  let compared = 0;
  const differ = [];
  for (const id of ids) {
    if (process.env.VERBOSE) console.log(id, Date.now());
    await page.getByTestId("scenario-picker").selectOption(id);
    await waitForRun(page);
    // A scenario may open at its last step already; then End is disabled and there is nothing to do.
    const end = page.getByTestId("end");
    if (await end.isEnabled()) await end.click();
    const [step, last] = await counter(page);
    assert.equal(step, last, `${id}: not at the end`);
    const shown = await consoleText(page);
    assert.ok(shown.length > 0, `${id}: the console is empty`);
    if (looplab) {
      const files = await scenarioFiles(page);
      {
        const pool = Number(await page.getByTestId("setting-pool").inputValue());
        const cores = Number(await page.getByTestId("setting-cores").inputValue());
        const esm = await page.getByTestId("entry-esm").isChecked();
        const expected = cli(files, pool, cores, esm);
        compared++;
        if (expected !== shown) differ.push(`${id}:\n--- looplab run\n${expected}--- page\n${shown}`);
      }
    }
  }
  assert.deepEqual(page.problems, [], "the page reported errors");
  assert.deepEqual(differ, [], "console differs from `looplab run`");
  console.log(`playground-scenarios: ok (${ids.length} scenarios, ${compared} compared with looplab run${looplab ? "" : " — no looplab binary"})`);
});
