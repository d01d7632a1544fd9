//! The wasm side of the fidelity corpus (tests/browser/fidelity-wasm.mjs): the browser test hands
//! each scenario's files to `runFidelityScenario`, which runs them on the runtime compiled into
//! this page, so the page and `looplab run` cannot drift apart. Output comes back normalized the
//! way the native corpus test normalizes it (`looplab_js::fidelity`).
use std::collections::BTreeMap;

use looplab_js::{RunOptions, Vfs, fidelity};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[derive(Deserialize)]
struct Scenario {
    /// Where the files are mounted: `fidelity::STAGE_ROOT/wasm/<name>`, as long as the paths the
    /// native runners use, so output that wraps by length wraps the same.
    dir: String,
    entry: String,
    /// Paths relative to `dir`.
    files: BTreeMap<String, String>,
    env: BTreeMap<String, String>,
    /// expected.json as recorded from node.
    expected: serde_json::Value,
}

#[derive(Serialize)]
struct Recorded {
    stdout: String,
    stderr: String,
    status: i32,
}

#[derive(Serialize)]
struct Outcome {
    /// Every output node may print (more than one for a race), the most frequent first.
    expected: Vec<Recorded>,
    actual: Recorded,
}

/// Runs a scenario (JSON, see `Scenario`) and returns what node printed and what this runtime
/// printed, all normalized (JSON `{expected, actual}`).
#[wasm_bindgen(js_name = runFidelityScenario)]
pub fn run_fidelity_scenario(scenario: &str) -> Result<String, JsError> {
    let s: Scenario = serde_json::from_str(scenario)?;
    let mut vfs = Vfs::memory();
    for (path, text) in &s.files {
        vfs.insert(&format!("{}/{path}", s.dir), text.as_bytes());
    }
    let mut options = RunOptions::new(format!("{}/{}", s.dir, s.entry), s.dir.clone());
    options.env = s.env;
    let result = looplab_js::run(options, vfs)?;
    let place = |text: &str| fidelity::normalize(&text.replace(&s.dir, "<dir>"));
    let outcome = Outcome {
        actual: Recorded {
            stdout: place(&result.stdout()),
            stderr: place(&result.stderr()),
            status: result.status,
        },
        expected: fidelity::Expected::from_json(&s.expected)
            .outcomes()
            .map(|e| Recorded {
                stdout: fidelity::normalize(&e.stdout),
                stderr: fidelity::normalize(&e.stderr),
                status: e.status,
            })
            .collect(),
    };
    Ok(serde_json::to_string(&outcome)?)
}
