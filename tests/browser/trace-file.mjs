// "Open trace…" end to end: `looplab run --real --trace` records a script with a timer, a file
// read and an immediate; the page opens that file and steps through it like one of its own runs
// (console, step counter, pool lanes, a notice saying where it came from). Bad files get a message
// and the page keeps what it showed. The looplab binary is LOOPLAB_BIN, or the debug build.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { artifacts, openPage, withBrowser } from "./lib/chromium.mjs";
import { consoleText, counter, setLevel, waitForRun } from "./lib/playground.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const targetDir = process.env.CARGO_TARGET_DIR ?? `${repo}target`;
const bin = process.env.LOOPLAB_BIN ?? `${targetDir}/debug/looplab`;

const SCRIPT = `const fs = require("fs");
setTimeout(() => console.log("timeout"), 5);
fs.readFile(__filename, () => console.log("readFile"));
setImmediate(() => console.log("immediate"));
console.log("main");
`;

const dir = await mkdtemp(join(tmpdir(), "looplab-trace-"));
try {
  await writeFile(join(dir, "s.js"), SCRIPT);
  const { stdout } = await promisify(execFile)(bin, ["run", "--real", "--trace", join(dir, "t.json"), "s.js"], { cwd: dir });
  assert.equal(stdout.split("\n")[0], "main", `looplab printed ${stdout}`);

  await withBrowser(async (context) => {
    const page = await openPage(context);
    await waitForRun(page);
    // These check the sentences of every trace event: the Internals level.
    await setLevel(page, "internals");
    const input = page.getByTestId("open-trace");
    assert.equal(await input.count(), 1, "the Open trace… input is on the page");
    assert.match(await page.locator("label.open-trace").textContent(), /Open trace/);

    // Not JSON: a message, and the scenario stays as it was.
    const title = await page.getByTestId("scenario-title").textContent();
    const before = await counter(page);
    await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello, not a trace") });
    await page.getByTestId("message").waitFor();
    assert.match(await page.getByTestId("message").textContent(), /Could not open notes\.txt: The file is not JSON/);
    assert.equal(await page.getByTestId("scenario-title").textContent(), title);
    assert.deepEqual(await counter(page), before);

    // The real run's trace: it opens at the first step with a notice and a note for the code.
    await input.setInputFiles(join(dir, "t.json"));
    await page.getByTestId("run-notice").filter({ hasText: "looplab run --real" }).waitFor();
    assert.match(await page.getByTestId("run-notice").textContent(), /real time, real threads; the code is not in the trace/);
    assert.equal(await page.getByTestId("message").count(), 0, "opening a good file clears the message");
    assert.match(await page.getByTestId("editor").inputValue(), /t\.json: a trace file/);
    assert.equal(await page.getByTestId("scenario-title").count(), 0);
    const [first, last] = await counter(page);
    assert.equal(first, 1);
    assert.ok(last > 20, `a real trace has many steps, got ${last}`);
    assert.equal(await page.getByTestId("pool-worker-3").count(), 1, "the pool lanes follow the trace's settings");

    // Stepping and jumping work as for a simulated run; the console fills with the script's output.
    for (let i = 0; i < 5; i++) await page.getByTestId("step-forward").click();
    assert.equal((await counter(page))[0], 6);
    await page.getByTestId("end").click();
    assert.deepEqual(await counter(page), [last, last]);
    const printed = (await consoleText(page)).trimEnd().split("\n");
    assert.equal(printed[0], "main", `console: ${printed}`);
    assert.deepEqual([...printed].sort(), ["immediate", "main", "readFile", "timeout"], `console: ${printed}`);
    assert.match(await page.getByTestId("loop-status").textContent(), /exited with code 0/);
    assert.match(await page.locator(".narration .time").textContent(), /^real time \d/);
    assert.equal(await page.getByTestId("run-stats").count(), 0, "a trace from a file was not run here");
    await page.locator('[data-testid="console"] .jump').first().click();
    assert.match(await page.getByTestId("narration").textContent(), /writes to stdout: main/);
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "trace-file-real.png"), fullPage: true });

    // A trace from a newer looplab: refused by name, and the open trace stays.
    const at = await counter(page);
    await input.setInputFiles({ name: "newer.json", mimeType: "application/json", buffer: Buffer.from('{"version": 99, "settings": {}, "events": []}') });
    await page.getByTestId("message").waitFor();
    assert.match(await page.getByTestId("message").textContent(), /version 99, newer than this page reads/);
    assert.deepEqual(await counter(page), at);
    assert.match(await page.getByTestId("run-notice").textContent(), /looplab run --real/);

    assert.deepEqual(page.problems, []);
  });
  console.log("trace-file: ok (a looplab run --real trace replayed in the page; bad files refused with a message)");
} finally {
  await rm(dir, { recursive: true, force: true });
}
