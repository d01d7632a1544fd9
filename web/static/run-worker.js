// Runs the learner's code off the page's thread, so the page keeps answering while it runs and
// Stop can end it at once. The page sends the wasm module it compiled, then one run request;
// the Rust side (web/src/run/worker.rs) posts the run back in parts as it grows.
import init, { runInWorker } from "./looplab_web.js";

let ready;
self.onmessage = async ({ data }) => {
  if (data.module) {
    ready = init({ module_or_path: data.module });
    return;
  }
  try {
    await ready;
    runInWorker(data.request);
  } catch (err) {
    self.postMessage({ meta: JSON.stringify({ failed: String(err?.message ?? err) }) });
  }
};
