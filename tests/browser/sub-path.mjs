// dist/ as a course site would host it: copied under a sub-path (/courses/node/looplab/) of a
// static host that knows nothing about Looplab. A tiny node server plays that host (as GitHub
// Pages, nginx or a CDN would: plain files, 404 for anything else) rather than `looplab serve`,
// because the course site runs its own server, not ours: what must hold is that every URL the
// page asks for is relative to where index.html is. The page loads, runs its opening scenario,
// and asks for nothing outside the prefix.
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { withBrowser } from "./lib/chromium.mjs";
import { waitForRun } from "./lib/playground.mjs";

const dist = process.env.LOOPLAB_DIST ?? new URL("../../dist/", import.meta.url).pathname;
const PREFIX = "/courses/node/looplab/";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

const asked = [];
const host = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  asked.push(path);
  let file = path.startsWith(PREFIX) ? normalize(join(dist, path.slice(PREFIX.length))) : null;
  if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!file || !file.startsWith(dist) || !existsSync(file)) {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((ready) => host.listen(0, "127.0.0.1", ready));
const site = `http://127.0.0.1:${host.address().port}${PREFIX}`;

try {
  await withBrowser(async (context) => {
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
    page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    await page.goto(site);
    await page.getByTestId("app").waitFor({ timeout: 30_000 });
    await waitForRun(page);
    const outside = asked.filter((p) => !p.startsWith(PREFIX) && p !== "/favicon.ico");
    assert.deepEqual(outside, [], "the page asked for URLs outside its sub-path");
    assert.ok(asked.some((p) => /looplab_web_bg-[0-9a-f]{16}\.wasm$/.test(p)), "the hashed wasm came from under the prefix");
    assert.deepEqual(problems, []);
    console.log(`sub-path: ok (${asked.length} requests, all under ${PREFIX}; ${await page.getByTestId("step-counter").textContent()})`);
  });
} finally {
  host.close();
}
