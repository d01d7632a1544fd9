//! The fidelity corpus under `looplab run --real`: every scenario runs on the real operating system
//! (epoll, OS threads, real files and sockets, real time), from its own directory (a copy at a fixed path), and must print
//! what real node printed. tests/fidelity/SIMULATION_ONLY.txt lists, with the reason, scenarios
//! whose output depends on the simulation itself; KNOWN_FAILURES.txt those that differ anyway.
//! Real time is real: a scenario that differs is run twice more, alone, before it fails.
use std::path::{Path, PathBuf};
use std::process::Command;

use looplab_js::fidelity;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fidelity")
        .canonicalize()
        .expect("corpus")
}

fn run_real(dir: &Path) -> Option<String> {
    let expected = match fidelity::Expected::load(dir) {
        Ok(e) => e,
        Err(e) => return Some(e),
    };
    let dir = &match fidelity::stage(dir, "real") {
        Ok(d) => d,
        Err(e) => return Some(format!("could not stage: {e}")),
    };
    let out = Command::new(env!("CARGO_BIN_EXE_looplab"))
        .args(["run", "--real", fidelity::entry_script(dir)])
        .current_dir(dir)
        .env("TZ", "UTC")
        .output()
        .expect("run looplab");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let status = fidelity::shell_status(out.status);
    fidelity::compare(
        &expected,
        &text(&out.stdout),
        &text(&out.stderr),
        status,
        &dir.to_string_lossy(),
    )
}

#[test]
fn fidelity_corpus_matches_node_on_the_real_os() {
    let root = corpus();
    let filter = std::env::var("FIDELITY_FILTER").ok();
    let skip = fidelity::listed(&root.join("SIMULATION_ONLY.txt"));
    let known = fidelity::listed(&root.join("KNOWN_FAILURES.txt"));
    let dirs = fidelity::scenarios(&root, filter.as_deref());
    let (mut passed, mut skipped, mut known_failed) = (0, 0, 0);
    let mut unexpected = Vec::new();
    let mut to_run = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        match skip.get(&name) {
            Some(why) => {
                skipped += 1;
                println!("SKIP {name}: {why}");
            }
            None => to_run.push((name, dir.clone())),
        }
    }
    // Two at a time: one interpreter per core, so real timing is not distorted by contention.
    let outcomes: Vec<(String, Option<String>)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|i| {
                let mine: Vec<_> = to_run.iter().skip(i).step_by(2).collect();
                s.spawn(move || {
                    mine.into_iter()
                        .map(|(n, d)| (n.clone(), run_real(d)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("scenario thread"))
            .collect()
    });
    // Real time on a busy machine can push a callback past a few milliseconds' margin, as it would
    // push node's; a scenario that differs gets two more runs, alone, before it counts.
    let mut outcomes: Vec<(String, Option<String>)> = outcomes
        .into_iter()
        .map(|(name, diff)| {
            let Some(first) = diff else {
                return (name, None);
            };
            let dir = root.join(&name);
            for attempt in 2..=3 {
                if run_real(&dir).is_none() {
                    println!("PASS {name} on run {attempt} (the first run differed:\n{first})");
                    return (name, None);
                }
            }
            (name, Some(first))
        })
        .collect();
    outcomes.sort();
    for (name, diff) in outcomes {
        match (diff, known.get(&name)) {
            (None, _) => passed += 1,
            (Some(_), Some(why)) => {
                known_failed += 1;
                println!("KNOWN {name}: {why}");
            }
            (Some(diff), None) => {
                println!("FAIL {name}\n{diff}");
                unexpected.push(name);
            }
        }
    }
    println!(
        "fidelity --real: {passed} of {} scenarios match node ({skipped} simulation-only, {known_failed} known failures)",
        dirs.len()
    );
    assert!(
        unexpected.is_empty(),
        "scenarios differ from node under --real: {unexpected:?}"
    );
}
