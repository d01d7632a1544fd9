//! How a run is judged against real node: a fidelity scenario is a directory with its script
//! (`main.js`, or `main.mjs` for an ES module entry) and `expected.json` recorded from node.
//! Stack frames in the scenario's own files are compared as V8 prints them, frames of Node's
//! module loader by name (Looplab's loader stands in for it), and Node's other internal frames
//! are left out; PIDs are masked and the scenario's own directory becomes `<dir>`.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where every runner runs a scenario: `STAGE_ROOT/<runner>/<name>`. node wraps a long inspected
/// value by its printed length, paths included, so a scenario must run at a path whose length
/// does not depend on where the checkout lives. `cargo xtask fidelity --record` uses the same root.
pub const STAGE_ROOT: &str = "/tmp/looplab-fidelity";

/// Copies a scenario to `STAGE_ROOT/<runner>/<name>` (replacing an older copy) and returns the
/// copy's path. `runner` is four letters (`node`, `simu`, `real`) so all copies have one length.
pub fn stage(dir: &Path, runner: &str) -> std::io::Result<PathBuf> {
    assert_eq!(runner.len(), 4, "runner names share one length");
    let name = dir
        .file_name()
        .ok_or_else(|| std::io::Error::other("a scenario directory has a name"))?;
    let to = Path::new(STAGE_ROOT).join(runner).join(name);
    if to.exists() {
        std::fs::remove_dir_all(&to)?;
    }
    copy_tree(dir, &to)?;
    Ok(to)
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// What node printed and its exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
    /// Other outputs node printed for a scenario with a real race in it (tests/fidelity/RACES.txt):
    /// any of them is a match too.
    pub also: Vec<Expected>,
}

impl Expected {
    pub fn load(dir: &Path) -> Result<Self, String> {
        let path = dir.join("expected.json");
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let v: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Self::from_json(&v))
    }

    pub fn from_json(v: &serde_json::Value) -> Self {
        let text = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        Expected {
            stdout: text("stdout"),
            stderr: text("stderr"),
            status: v["status"].as_i64().unwrap_or(-1) as i32,
            also: v["also"]
                .as_array()
                .map(|all| all.iter().map(Self::from_json).collect())
                .unwrap_or_default(),
        }
    }

    /// Every output node may legally print, the one it printed most often first.
    pub fn outcomes(&self) -> impl Iterator<Item = &Expected> {
        std::iter::once(self).chain(&self.also)
    }
}

/// A finished process's status as a shell shows it, as `expected.json` records node's: the exit
/// code, or 128 + the number of the signal that killed it.
#[cfg(unix)]
pub fn shell_status(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(-1)
}

/// The scenario directories under `root` (those with an `expected.json`) whose path contains
/// `filter`, sorted.
pub fn scenarios(root: &Path, filter: Option<&str>) -> Vec<PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_else(|_| Vec::new());
    dirs.retain(|p: &PathBuf| {
        p.join("expected.json").exists() && filter.is_none_or(|f| p.to_string_lossy().contains(f))
    });
    dirs.sort();
    dirs
}

/// The entry script of a scenario directory.
pub fn entry_script(dir: &Path) -> &'static str {
    if dir.join("main.mjs").exists() {
        "main.mjs"
    } else {
        "main.js"
    }
}

/// A stack frame as the comparison sees it: a frame in the scenario's files as printed, one of
/// Node's module loader by its name alone, and None for Node's other internal frames.
fn frame(rest: &str) -> Option<String> {
    if rest.contains("<dir>") {
        return Some(format!("    at {rest}"));
    }
    let loader = ["(node:internal/modules/", "node:internal/main/"];
    if loader.iter().any(|l| rest.contains(l)) {
        let name = rest.split(" (").next().unwrap_or(rest);
        let name = if name.starts_with("node:") {
            "<node>"
        } else {
            name
        };
        let open = if rest.ends_with(" {") { " {" } else { "" };
        return Some(format!("    at {name}{open}"));
    }
    None
}

/// Frames in Node's internals differ between engines; PIDs differ between runs.
pub fn normalize(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        if let Some(rest) = line.strip_prefix("    at ") {
            if let Some(kept) = frame(rest) {
                out.push(kept);
                continue;
            }
            if rest.ends_with(" {")
                && let Some(last) = out.last_mut()
                && !last.ends_with(" {")
            {
                last.push_str(" {");
            }
            continue;
        }
        let mut l = line.to_string();
        let mut from = 0;
        while let Some(found) = l[from..].find("(node:") {
            let start = from + found + 6;
            let digits = l[start..].chars().take_while(char::is_ascii_digit).count();
            if digits > 0 {
                l.replace_range(start..start + digits, "PID");
            }
            from = start;
        }
        out.push(l);
    }
    out.join("\n")
}

/// The differences between a run and node (against the output node printed most often), or
/// `None` when the run printed one of node's outputs.
pub fn compare(
    expected: &Expected,
    stdout: &str,
    stderr: &str,
    status: i32,
    dir: &str,
) -> Option<String> {
    let place = |s: &str| normalize(&s.replace(dir, "<dir>"));
    let (stdout, stderr) = (place(stdout), place(stderr));
    let matches = |e: &Expected| {
        normalize(&e.stdout) == stdout && normalize(&e.stderr) == stderr && e.status == status
    };
    if expected.outcomes().any(matches) {
        return None;
    }
    let mut diff = String::new();
    for (stream, want, got) in [
        ("stdout", &expected.stdout, &stdout),
        ("stderr", &expected.stderr, &stderr),
    ] {
        let want = normalize(want);
        if &want != got {
            diff.push_str(&format!("--- {stream} (node)\n+++ {stream} (looplab)\n"));
            for change in similar::TextDiff::from_lines(&want, got).iter_all_changes() {
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
    if status != expected.status {
        diff.push_str(&format!(
            "status: node {}, looplab {status}\n",
            expected.status
        ));
    }
    if !expected.also.is_empty() {
        diff.push_str(&format!(
            "(nor any of node's {} other outputs for this race)\n",
            expected.also.len()
        ));
    }
    Some(diff)
}

/// `name: reason` lines of a list such as KNOWN_FAILURES.txt (`#` starts a comment).
pub fn listed(path: &Path) -> BTreeMap<String, String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(n, why)| (n.trim().to_string(), why.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_s_internal_frames_and_pids_do_not_count() {
        let node = "Error: x\n    at f (node:events:1:1)\n(node:123) Warning: w\n";
        let ours = "Error: x\n    at g (native)\n(node:9) Warning: w\n";
        assert_eq!(normalize(node), normalize(ours));
    }

    #[test]
    fn the_learner_s_frames_count_and_the_loader_s_by_name() {
        let node = "E\n    at f (<dir>/a.js:1:5)\n    at Module._compile (node:internal/modules/cjs/loader:1521:14)";
        let near = "E\n    at f (<dir>/a.js:1:5)\n    at Module._compile (node:internal/modules/cjs/loader:9:9)";
        assert_eq!(normalize(node), normalize(near));
        let moved = "E\n    at f (<dir>/a.js:1:6)\n    at Module._compile (node:internal/modules/cjs/loader:1521:14)";
        assert_ne!(normalize(node), normalize(moved));
        let renamed = "E\n    at f (<dir>/a.js:1:5)\n    at compile (node:internal/modules/cjs/loader:1521:14)";
        assert_ne!(normalize(node), normalize(renamed));
    }

    #[test]
    fn any_output_node_printed_for_a_race_matches() {
        let v = serde_json::json!({
            "stdout": "a\nb\n", "stderr": "", "status": 0,
            "also": [{ "stdout": "b\na\n", "stderr": "", "status": 0 }],
        });
        let expected = Expected::from_json(&v);
        assert_eq!(compare(&expected, "b\na\n", "", 0, "/d"), None);
        assert_eq!(compare(&expected, "a\nb\n", "", 0, "/d"), None);
        let diff = compare(&expected, "b\nb\n", "", 0, "/d").unwrap();
        assert!(diff.contains("1 other outputs"), "{diff}");
    }

    #[test]
    fn a_different_line_is_reported() {
        let expected = Expected {
            stdout: "a\nb\n".into(),
            stderr: String::new(),
            status: 0,
            also: Vec::new(),
        };
        assert_eq!(compare(&expected, "a\nb\n", "", 0, "/d"), None);
        let diff = compare(&expected, "a\nc\n", "", 1, "/d").unwrap();
        assert!(
            diff.contains("-b")
                && diff.contains("+c")
                && diff.contains("status: node 0, looplab 1"),
            "{diff}"
        );
    }
}
