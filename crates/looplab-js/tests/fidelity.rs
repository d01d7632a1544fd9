//! The fidelity corpus: every scenario in tests/fidelity/ runs on the model, from its own
//! directory, and must print exactly what real `node` printed (`expected.json`, recorded by
//! `cargo xtask fidelity --record`). Stack frame lines (`    at ...`) are left out of the
//! comparison: the engine's frames are not V8's. Scenarios listed in
//! tests/fidelity/KNOWN_FAILURES.txt, with the reason, may fail; any other failure fails the test.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use looplab_js::{RunOptions, Vfs};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fidelity")
        .canonicalize()
        .expect("corpus")
}

/// Frames differ between engines; PIDs differ between runs.
fn normalize(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        if let Some(rest) = line.strip_prefix("    at ") {
            if rest.ends_with(" {")
                && let Some(last) = out.last_mut()
                && !last.ends_with(" {")
            {
                last.push_str(" {");
            }
            continue;
        }
        let mut l = line.to_string();
        while let Some(start) = l.find("(node:") {
            let digits = l[start + 6..]
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            if digits == 0 {
                break;
            }
            l.replace_range(start + 6..start + 6 + digits, "PID");
            if !l[start + 9..].contains("(node:") {
                break;
            }
        }
        out.push(l);
    }
    out.join("\n")
}

struct Outcome {
    name: String,
    diff: Option<String>,
}

fn run_one(dir: &Path) -> Outcome {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("expected.json")).expect("expected.json"))
            .expect("expected.json is JSON");
    let script = if dir.join("main.mjs").exists() {
        "main.mjs"
    } else {
        "main.js"
    };
    let dir_s = dir.to_string_lossy().into_owned();
    let mut options = RunOptions::new(format!("{dir_s}/{script}"), dir_s.clone());
    options.env = BTreeMap::from([("TZ".to_string(), "UTC".to_string())]);
    let result = match looplab_js::run(options, Vfs::over_disk()) {
        Ok(r) => r,
        Err(e) => {
            return Outcome {
                name,
                diff: Some(format!("did not start: {e}")),
            };
        }
    };
    let place = |s: String| s.replace(&dir_s, "<dir>");
    let got = [
        ("stdout", normalize(&place(result.stdout()))),
        ("stderr", normalize(&place(result.stderr()))),
    ];
    let mut diff = String::new();
    for (stream, got) in got {
        let want = normalize(expected[stream].as_str().unwrap_or_default());
        if got != want {
            diff.push_str(&format!("--- {stream} (node)\n+++ {stream} (looplab)\n"));
            for change in similar::TextDiff::from_lines(&want, &got).iter_all_changes() {
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => "-",
                    similar::ChangeTag::Insert => "+",
                    similar::ChangeTag::Equal => " ",
                };
                diff.push_str(&format!("{sign}{change}"));
                if change.missing_newline() {
                    diff.push('\n');
                }
            }
        }
    }
    let want_status = expected["status"].as_i64().unwrap_or(-1);
    if i64::from(result.status) != want_status {
        diff.push_str(&format!(
            "status: node {want_status}, looplab {}\n",
            result.status
        ));
    }
    Outcome {
        name,
        diff: (!diff.is_empty()).then_some(diff),
    }
}

fn known_failures(root: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root.join("KNOWN_FAILURES.txt")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(n, why)| (n.trim().to_string(), why.trim().to_string()))
        .collect()
}

#[test]
fn fidelity_corpus_matches_node() {
    let root = corpus();
    let filter = std::env::var("FIDELITY_FILTER").ok();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.json").exists())
        .filter(|p| {
            filter
                .as_deref()
                .is_none_or(|f| p.to_string_lossy().contains(f))
        })
        .collect();
    dirs.sort();
    let known = known_failures(&root);
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
