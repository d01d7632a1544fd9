// Launches Debian's Chromium through playwright-core with a fresh profile, and opens pages that
// record every page error, console error and failed request, so a test can assert there were none.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const baseUrl = process.env.LOOPLAB_URL ?? "http://127.0.0.1:8080/";
export const artifacts = process.env.LOOPLAB_ARTIFACTS ?? new URL("../../../artifacts/", import.meta.url).pathname;

// No GPU, no network chatter: the browser talks only to our server on 127.0.0.1.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Runs `body(context)` in a headless Chromium with a new user-data-dir, then cleans up. */
export async function withBrowser(body) {
  const profile = await mkdtemp(join(tmpdir(), "looplab-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1024, height: 768 },
  });
  try {
    return await body(context);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Opens a page that collects problems into `page.problems` (strings). */
export async function openPage(context, path = "") {
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (err) => page.problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") page.problems.push(`console error: ${msg.text()}`);
  });
  page.on("requestfailed", (req) => page.problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on("response", (res) => {
    if (res.status() >= 400) page.problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(new URL(path, baseUrl).href);
  return page;
}
