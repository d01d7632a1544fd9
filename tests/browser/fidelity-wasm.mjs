// The fidelity corpus in the page's own wasm: every scenario in tests/fidelity/ runs on the
// runtime compiled into the page (web/src/run/fidelity_hook.rs) and must print what real node printed,
// as `cargo test -p looplab-js --test fidelity` demands of the native build. Scenarios listed in
// tests/fidelity/KNOWN_FAILURES.txt may differ; any other difference fails the test.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { openPage, withBrowser } from "./lib/chromium.mjs";

const corpus = new URL("../fidelity/", import.meta.url).pathname;
// As long as the native runners' staging paths (looplab_js::fidelity::STAGE_ROOT/<runner>/<name>).
const STAGE = "/tmp/looplab-fidelity/wasm";

function listed(file) {
  const path = join(corpus, file);
  if (!existsSync(path)) return new Map();
  return new Map(
    readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("#") && l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

function filesUnder(dir, root = dir, out = {}) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, root, out);
    else if (!(dir === root && name === "expected.json")) out[relative(root, path)] = readFileSync(path, "utf8");
  }
  return out;
}

/** The first line where two outputs part, for the report. */
function firstDifference(want, got) {
  const [a, b] = [want.split("\n"), got.split("\n")];
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i === -1 ? a.length : i;
  return `line ${at + 1}: node ${JSON.stringify(a[at] ?? "<end>")}, page ${JSON.stringify(b[at] ?? "<end>")}`;
}

const filter = process.env.FIDELITY_FILTER;
const names = readdirSync(corpus)
  .filter((n) => existsSync(join(corpus, n, "expected.json")) && (!filter || join(corpus, n).includes(filter)))
  .sort();
const known = listed("KNOWN_FAILURES.txt");

await withBrowser(async (context) => {
  const page = await openPage(context);
  await page.getByTestId("app").waitFor({ timeout: 30_000 });
  const unexpected = [];
  let passed = 0;
  let knownFailed = 0;
  for (const name of names) {
    const dir = join(corpus, name);
    const scenario = {
      dir: `${STAGE}/${name}`,
      entry: existsSync(join(dir, "main.mjs")) ? "main.mjs" : "main.js",
      files: filesUnder(dir),
      env: { TZ: "UTC" },
      expected: JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")),
    };
    const outcome = await page.evaluate(async (json) => {
      const looplab = await import("./looplab_web.js");
      try {
        return JSON.parse(looplab.runFidelityScenario(json));
      } catch (e) {
        return { error: String(e) };
      }
    }, JSON.stringify(scenario));
    const problems = [];
    if (outcome.error) {
      problems.push(`did not run: ${outcome.error}`);
    } else {
      const { expected: outcomes, actual: got } = outcome;
      const same = (want) => want.stdout === got.stdout && want.stderr === got.stderr && want.status === got.status;
      if (!outcomes.some(same)) {
        // Reported against the output node printed most often.
        const want = outcomes[0];
        for (const stream of ["stdout", "stderr"]) {
          if (want[stream] !== got[stream]) problems.push(`${stream} ${firstDifference(want[stream], got[stream])}`);
        }
        if (want.status !== got.status) problems.push(`status: node ${want.status}, page ${got.status}`);
        if (outcomes.length > 1) problems.push(`(nor any of node's ${outcomes.length - 1} other outputs for this race)`);
      }
    }
    if (problems.length === 0) {
      passed += 1;
      if (known.has(name)) console.log(`PASS ${name} (listed as a known failure: take it off the list)`);
    } else if (known.has(name)) {
      knownFailed += 1;
      console.log(`KNOWN ${name}: ${known.get(name)}`);
    } else {
      console.log(`FAIL ${name}\n  ${problems.join("\n  ")}`);
      unexpected.push(name);
    }
  }
  console.log(`fidelity in wasm: ${passed} of ${names.length} scenarios match node (${knownFailed} known failures)`);
  assert.ok(names.length > 0, "no scenarios found");
  assert.deepEqual(unexpected, [], "scenarios differ from node in the page's wasm");
  assert.deepEqual(page.problems, [], "the page reported errors");
});
