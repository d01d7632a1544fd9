//! The fidelity corpus: every scenario in tests/fidelity/ runs on the model, from its own
//! directory (a copy at a fixed path, see `fidelity::stage`), and must print exactly what real `node` printed (`expected.json`, recorded by
//! `cargo xtask fidelity --record`). Stack frame lines (`    at ...`) are left out of the
//! comparison: the engine's frames are not V8's. Scenarios listed in
//! tests/fidelity/KNOWN_FAILURES.txt, with the reason, may fail; any other failure fails the test.
//!
//! Each scenario's orders are explored too (`looplab_js::explore`, whose first run is the one
//! compared above): a race listed in tests/fidelity/RACES.txt must show every output node
//! printed for it, and any other scenario exactly one output.
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
    /// How the natural run differs from node.
    diff: Option<String>,
    /// How the explored orders differ from node's: a race (RACES.txt) must show every output
    /// node printed, any other scenario exactly one output.
    orders_diff: Option<String>,
    runs: usize,
}

/// Runs explored per scenario: a race-free scenario stops at its first run; one with decisions
/// whose branches do not change its output uses up to this many.
const ORDERS_BUDGET: usize = 12;

/// A scenario staged for `runner`: its name, node's outputs, its staged path and the options
/// that run it there; or its name and why it cannot run.
fn prepare(
    dir: &Path,
    runner: &str,
) -> Result<(String, fidelity::Expected, String, RunOptions), Outcome> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let fail = |diff: String| Outcome {
        name: name.clone(),
        diff: Some(diff),
        orders_diff: None,
        runs: 0,
    };
    let expected = fidelity::Expected::load(dir).map_err(fail)?;
    let dir = fidelity::stage(dir, runner).map_err(|e| fail(format!("could not stage: {e}")))?;
    let dir_s = dir.to_string_lossy().into_owned();
    let script = fidelity::entry_script(&dir);
    let mut options = RunOptions::new(format!("{dir_s}/{script}"), dir_s.clone());
    options.env = BTreeMap::from([("TZ".to_string(), "UTC".to_string())]);
    Ok((name, expected, dir_s, options))
}

fn run_one(dir: &Path) -> Outcome {
    let (name, expected, dir_s, options) = match prepare(dir, "simu") {
        Ok(prepared) => prepared,
        Err(outcome) => return outcome,
    };
    let found = match looplab_js::explore(&options, Vfs::over_disk, ORDERS_BUDGET) {
        Ok(found) => found,
        Err(e) => {
            return Outcome {
                name,
                diff: Some(format!("did not start: {e}")),
                orders_diff: None,
                runs: 0,
            };
        }
    };
    let differs = |want: &fidelity::Expected, o: &looplab_js::Order| {
        fidelity::compare(want, &o.stdout, &o.stderr, o.status, &dir_s)
    };
    let natural = found
        .orders
        .iter()
        .find(|o| o.choices.is_empty())
        .expect("the first run takes the natural branches");
    let diff = differs(&expected, natural);
    let race = fidelity::listed(&corpus().join("RACES.txt")).contains_key(&name);
    let orders_diff = if race {
        let missing: Vec<String> = expected
            .outcomes()
            .map(|o| fidelity::Expected {
                also: Vec::new(),
                ..o.clone()
            })
            .filter(|want| found.orders.iter().all(|o| differs(want, o).is_some()))
            .map(|want| format!("node printed, exploring never did:\n{}", want.stdout))
            .collect();
        (!missing.is_empty()).then(|| missing.join("\n"))
    } else if found.orders.len() > 1 {
        let each: Vec<String> = found
            .orders
            .iter()
            .map(|o| {
                let why = o.decision.as_ref().map_or("natural", |d| d.why.as_str());
                format!("{:.1}% ({why}):\n{}", o.share * 100.0, o.stdout)
            })
            .collect();
        Some(format!(
            "not a race in node (RACES.txt), yet exploring found {} outputs:\n{}",
            each.len(),
            each.join("\n")
        ))
    } else {
        None
    };
    Outcome {
        name,
        diff,
        orders_diff,
        runs: found.runs,
    }
}

/// Runs `check` on every scenario, each with its own engine, on two threads (the machine's
/// cores), with large stacks because the engine recurses on the native stack.
fn across(dirs: &[PathBuf], check: fn(&Path) -> Outcome) -> Vec<Outcome> {
    let handles: Vec<_> = (0..2)
        .map(|i| {
            let chunk: Vec<PathBuf> = dirs.iter().skip(i).step_by(2).cloned().collect();
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn(move || chunk.iter().map(|d| check(d)).collect::<Vec<_>>())
                .expect("spawn a scenario thread")
        })
        .collect();
    handles
        .into_iter()
        .flat_map(|h| h.join().expect("scenario thread"))
        .collect()
}

#[test]
fn fidelity_corpus_matches_node() {
    let root = corpus();
    let filter = std::env::var("FIDELITY_FILTER").ok();
    let dirs = fidelity::scenarios(&root, filter.as_deref());
    let known = fidelity::listed(&root.join("KNOWN_FAILURES.txt"));
    let started = std::time::Instant::now();
    let mut outcomes = across(&dirs, run_one);
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    let (mut passed, mut failed, mut known_failed) = (0, 0, 0);
    let mut unexpected = Vec::new();
    for o in &outcomes {
        if let Some(diff) = &o.orders_diff
            && !known.contains_key(&o.name)
        {
            failed += 1;
            println!("FAIL {} (exploring its orders)\n{diff}", o.name);
            unexpected.push(o.name.clone());
        }
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
    let runs: usize = outcomes.iter().map(|o| o.runs).sum();
    let explored: Vec<String> = outcomes
        .iter()
        .filter(|o| o.runs > 1)
        .map(|o| format!("{} ({})", o.name, o.runs))
        .collect();
    println!(
        "orders: {runs} runs for {} scenarios in {:.0?}; more than one run: {}",
        outcomes.len(),
        started.elapsed(),
        explored.join(", ")
    );
    assert!(
        unexpected.is_empty(),
        "scenarios differ from node: {unexpected:?}"
    );
}
