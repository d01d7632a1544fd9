// The page as a browser gets it from `looplab serve`: the wasm in the coding asked for (brotli,
// gzip, or as it is), each decoding to the same module; content-hashed names kept for a year,
// index.html revalidated, an ETag answered with 304; and in Chromium the wasm arrives with
// brotli, the loader shows its progress before the app, and leaves when the app mounts.
import assert from "node:assert/strict";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { baseUrl, withBrowser } from "./lib/chromium.mjs";

/** GET (or HEAD) with these headers; the body as it came on the wire, not decoded. */
function get(url, headers = {}, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const index = await get(new URL("./", baseUrl), { "Accept-Encoding": "identity" });
assert.equal(index.status, 200);
assert.equal(index.headers["cache-control"], "no-cache", "index.html is revalidated on every load");
const html = index.body.toString();
const wasmName = /data-wasm="([^"]+)"/.exec(html)?.[1];
const wasmBytes = Number(/data-wasm-bytes="(\d+)"/.exec(html)?.[1]);
assert.match(wasmName ?? "", /^looplab_web_bg-[0-9a-f]{16}\.wasm$/, "index.html names the hashed wasm");
assert.ok(wasmBytes > 0, "the build wrote the module's size into index.html");
for (const ref of html.matchAll(/(?:href|src)="([^":]+)"|from "\.\/([^"]+)"/g)) {
  const name = ref[1] ?? ref[2];
  assert.match(name, /-[0-9a-f]{16}\.(css|js|wasm)$/, `index.html refers to ${name} by a hashed name`);
}
const wasmUrl = new URL(wasmName, baseUrl);

const plain = await get(wasmUrl);
assert.equal(plain.status, 200);
assert.equal(plain.headers["content-encoding"], undefined, "no Accept-Encoding: the module as it is");
assert.equal(plain.body.length, wasmBytes);
assert.equal(plain.body.subarray(0, 4).toString("latin1"), "\0asm");
const codings = [
  ["br", "br", brotliDecompressSync],
  ["gzip", "gzip", gunzipSync],
  ["gzip, deflate, br, zstd", "br", brotliDecompressSync],
  ["br;q=0, gzip", "gzip", gunzipSync],
  ["identity", undefined, (b) => b],
];
const sizes = {};
for (const [accept, coding, decode] of codings) {
  const r = await get(wasmUrl, { "Accept-Encoding": accept });
  assert.equal(r.status, 200, accept);
  assert.equal(r.headers["content-encoding"], coding, `Accept-Encoding: ${accept}`);
  assert.equal(r.headers["content-type"], "application/wasm", accept);
  assert.equal(Number(r.headers["content-length"]), r.body.length, `${accept}: the length of the body as sent`);
  assert.equal(r.headers.vary, "Accept-Encoding", accept);
  assert.equal(r.headers["cache-control"], "public, max-age=31536000, immutable", accept);
  assert.ok(decode(r.body).equals(plain.body), `${accept}: decodes to the module`);
  sizes[coding ?? "identity"] = r.body.length;
}
assert.ok(sizes.br < sizes.gzip && sizes.gzip < sizes.identity, JSON.stringify(sizes));
const none = await get(wasmUrl, { "Accept-Encoding": "br;q=0, gzip;q=0, identity;q=0" });
assert.equal(none.status, 406, "nothing acceptable");

const br = await get(wasmUrl, { "Accept-Encoding": "br" });
const again = await get(wasmUrl, { "Accept-Encoding": "br", "If-None-Match": br.headers.etag });
assert.equal(again.status, 304, "a current ETag");
assert.equal(again.body.length, 0);
assert.equal(again.headers.etag, br.headers.etag);
const head = await get(wasmUrl, { "Accept-Encoding": "br" }, "HEAD");
assert.equal(head.headers["content-length"], br.headers["content-length"]);

await withBrowser(async (context) => {
  const page = await context.newPage();
  const wasmResponse = page.waitForResponse((r) => r.url().endsWith(wasmName));
  // What the loader shows, sampled by the page itself from its first frames until it leaves.
  await page.addInitScript(() => {
    window.loaderSeen = [];
    const sample = () => {
      const loader = document.getElementById("looplab-loader");
      if (loader) window.loaderSeen.push({ at: performance.now(), text: loader.textContent.trim(), value: loader.querySelector("progress")?.value ?? 0 });
      if (loader || !document.querySelector('[data-testid="app"]')) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(baseUrl);
  const res = await wasmResponse;
  assert.equal((await res.allHeaders())["content-encoding"], "br", "Chromium gets the module with brotli");
  await page.getByTestId("app").waitFor({ timeout: 30_000 });
  assert.equal(await page.locator("#looplab-loader").count(), 0, "the loader leaves when the app mounts");
  const seen = await page.evaluate(() => window.loaderSeen);
  const [paint, html] = await page.evaluate(() => [
    performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    performance.getEntriesByType("navigation")[0]?.responseEnd,
  ]);
  assert.ok(seen.length > 0, "the loader was on screen before the app");
  // What the page controls: the loader paints with the HTML alone, waiting for no other file.
  // (From navigation start it adds the HTML's own round trip, the server's and the network's.)
  assert.ok(paint - html < 200, `the loader painted ${(paint - html).toFixed(0)} ms after the HTML arrived (budget 200 ms)`);
  const last = seen.at(-1);
  assert.match(last.text, /Loading Looplab… [\d.]+ of [\d.]+ MB/, "the loader counts megabytes");
  assert.deepEqual(problems, []);
  console.log(
    `compressed-assets: ok (wasm ${sizes.identity} B, brotli ${sizes.br} B, gzip ${sizes.gzip} B; ` +
      `loader painted at ${paint.toFixed(0)} ms, ${(paint - html).toFixed(0)} ms after the HTML; last read "${last.text}")`,
  );
});
