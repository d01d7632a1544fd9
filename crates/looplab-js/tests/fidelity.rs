//! The fidelity corpus: every scenario in tests/fidelity/ runs on the model, from its own
//! directory (a copy at a fixed path, see `fidelity::stage`), and must print exactly what real `node` printed (`expected.json`, recorded by
//! `cargo xtask fidelity --record`). Stack frame lines (`    at ...`) are left out of the
//! comparison: the engine's frames are not V8's. Scenarios listed in
//! tests/fidelity/KNOWN_FAILURES.txt, with the reason, may fail; any other failure fails the test.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use looplab_js::{RunOptions, Vfs, fidelity};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fidelity")
        .canonicalize()
        .expect("corpus")
}

struct Outcome {
    name: String,
    diff: Option<String>,
}

fn run_one(dir: &Path) -> Outcome {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let expected = match fidelity::Expected::load(dir) {
        Ok(e) => e,
        Err(e) => {
            return Outcome {
                name,
                diff: Some(e),
            };
        }
    };
    let dir = match fidelity::stage(dir, "simu") {
        Ok(d) => d,
        Err(e) => {
            return Outcome {
                name,
                diff: Some(format!("could not stage: {e}")),
            };
        }
    };
    let dir_s = dir.to_string_lossy().into_owned();
    let script = fidelity::entry_script(&dir);
    let mut options = RunOptions::new(format!("{dir_s}/{script}"), dir_s.clone());
    options.env = BTreeMap::from([("TZ".to_string(), "UTC".to_string())]);
    let diff = match looplab_js::run(options, Vfs::over_disk()) {
        Ok(r) => fidelity::compare(&expected, &r.stdout(), &r.stderr(), r.status, &dir_s),
        Err(e) => Some(format!("did not start: {e}")),
    };
    Outcome { name, diff }
}

#[test]
fn fidelity_corpus_matches_node() {
    let root = corpus();
    let filter = std::env::var("FIDELITY_FILTER").ok();
    let dirs = fidelity::scenarios(&root, filter.as_deref());
    let known = fidelity::listed(&root.join("KNOWN_FAILURES.txt"));
    // Each scenario gets its own engine; two threads (the machine's cores), with large stacks
    // because the engine recurses on the native stack.
    let handles: Vec<_> = (0..2)
        .map(|i| {
            let chunk: Vec<PathBuf> = dirs.iter().skip(i).step_by(2).cloned().collect();
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn(move || chunk.iter().map(|d| run_one(d)).collect::<Vec<_>>())
                .expect("spawn a scenario thread")
        })
        .collect();
    let mut outcomes: Vec<Outcome> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("scenario thread"))
        .collect();
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    let (mut passed, mut failed, mut known_failed) = (0, 0, 0);
    let mut unexpected = Vec::new();
    for o in &outcomes {
        match (&o.diff, known.get(&o.name)) {
            (None, Some(_)) => {
                passed += 1;
                println!(
                    "PASS {} (listed as a known failure: take it off the list)",
                    o.name
                );
            }
            (None, None) => passed += 1,
            (Some(_), Some(why)) => {
                known_failed += 1;
                println!("KNOWN {}: {why}", o.name);
            }
            (Some(diff), None) => {
                failed += 1;
                println!("FAIL {}\n{diff}", o.name);
                unexpected.push(o.name.clone());
            }
        }
    }
    println!(
        "fidelity: {passed} of {} scenarios match node ({known_failed} known failures)",
        outcomes.len()
    );
    println!("{passed} passed, {} failed", failed + known_failed);
    assert!(
        unexpected.is_empty(),
        "scenarios differ from node: {unexpected:?}"
    );
}
