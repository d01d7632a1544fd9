// Chromium's own WebSocket talks to a WebSocket server written by hand in plain Node and run by
// `looplab run --real` (crates/looplab-native/tests/scripts/ws-echo-server.js): the browser does
// the upgrade handshake, sends a text and a binary message, gets both echoed, and closes; the
// server then ends by itself. The looplab binary is LOOPLAB_BIN, or the debug build.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { withBrowser } from "./lib/chromium.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const targetDir = process.env.CARGO_TARGET_DIR ?? `${repo}target`;
const bin = process.env.LOOPLAB_BIN ?? `${targetDir}/debug/looplab`;

const server = spawn(bin, ["run", "--real", "ws-echo-server.js"], {
  cwd: `${repo}crates/looplab-native/tests/scripts`,
  stdio: ["ignore", "pipe", "inherit"],
});
const lines = createInterface({ input: server.stdout });
const log = [];
const port = await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.once("exit", (code) => reject(new Error(`looplab exited early with ${code}`)));
  lines.on("line", (line) => {
    log.push(line);
    const m = /^listening (\d+)$/.exec(line);
    if (m) resolve(Number(m[1]));
  });
});

try {
  const result = await withBrowser(async (context) => {
    const page = await context.newPage();
    return page.evaluate((port) => new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/browser`);
      ws.binaryType = "arraybuffer";
      const got = [];
      ws.onopen = () => {
        ws.send("hello from Chromium");
        ws.send(new Uint8Array([1, 2, 3, 250]).buffer);
      };
      ws.onmessage = (e) => {
        got.push(typeof e.data === "string" ? `text ${e.data}` : `binary ${[...new Uint8Array(e.data)].join(",")}`);
        if (got.length === 2) ws.close(1000, "bye");
      };
      ws.onclose = (e) => resolve({ got, code: e.code, wasClean: e.wasClean });
      ws.onerror = () => reject(new Error("WebSocket error"));
      setTimeout(() => reject(new Error("no echo within 30 s")), 30_000);
    }), port);
  });
  assert.deepEqual(result, {
    got: ["text hello from Chromium", "binary 1,2,3,250"],
    code: 1000,
    wasClean: true,
  });
  const [code] = server.exitCode === null ? await once(server, "exit") : [server.exitCode];
  assert.equal(code, 0);
  assert.deepEqual(log.slice(1), [
    "upgrade /browser",
    "frame opcode=1 length=19",
    "frame opcode=2 length=4",
    "frame opcode=8 length=5",
    "client gone",
    "server closed",
  ]);
  console.log("ws-real: ok (Chromium's WebSocket against a hand-written server under looplab run --real)");
} finally {
  if (server.exitCode === null) server.kill();
}
