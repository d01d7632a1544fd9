//! The JavaScript built-in modules (`src/lib/`) against the real `node`: runs
//! `tests/lib/run.mjs`, which compares our modules' output with node's own,
//! case by case. Skipped, with a message, only when `node` is not installed.

use std::path::Path;
use std::process::Command;

#[test]
fn builtin_modules_match_node() {
    let node = std::env::var("NODE").unwrap_or_else(|_| "node".to_owned());
    let version = match Command::new(&node).arg("--version").output() {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_owned(),
        _ => {
            eprintln!(
                "skipping lib_differential: `{node}` is not installed (set NODE to its path)"
            );
            return;
        }
    };
    if !version.starts_with("v20.") {
        eprintln!("lib_differential: expectations come from node {version}; Looplab targets v20");
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lib/run.mjs");
    let out = Command::new(&node)
        .arg(&script)
        .output()
        .expect("run node on tests/lib/run.mjs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "built-in modules differ from node {version}:\n{stdout}\n{stderr}"
    );
    eprintln!("{}", stdout.trim_end().lines().last().unwrap_or(""));
}
