//! `cargo xtask fidelity [--record] [FILTER]`: the fidelity corpus in tests/fidelity/.
//!
//! `--record` runs every scenario (`main.js` or `main.mjs` in its own directory) under real
//! `node` several times and writes `expected.json` {stdout, stderr, status (as a shell shows it:
//! 128 + the signal's number for a process a signal killed)}; a scenario whose
//! output varies between runs is refused, since it cannot be compared exactly, unless
//! tests/fidelity/RACES.txt lists it as a real race: those run `RACE_RUNS` times, several at once
//! so the machine is busy, and every output node printed is recorded (`also`). Without
//! `--record` it runs the comparison test (`cargo test -p looplab-js --test fidelity`).
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

const RUNS: usize = 5;
const RACE_RUNS: usize = 100;
/// Runs of one race at the same time: contention is what makes node's other orders show up.
const RACE_PARALLEL: usize = 4;

/// node runs each scenario from a copy under the fixed root the tests use
/// (`looplab_js::fidelity::STAGE_ROOT`, runner `node`), so line wrapping that counts a path's
/// length is the same wherever the checkout lives.
const STAGE: &str = "/tmp/looplab-fidelity/node";

pub fn main(args: &[String]) -> Result<()> {
    let record = args.iter().any(|a| a == "--record");
    let filter = args.iter().find(|a| !a.starts_with("--")).cloned();
    if !record {
        let status = Command::new(env!("CARGO"))
            .args([
                "test",
                "-p",
                "looplab-js",
                "--test",
                "fidelity",
                "--",
                "--nocapture",
            ])
            .status()
            .context("running cargo test")?;
        if !status.success() {
            bail!("fidelity scenarios failed");
        }
        return Ok(());
    }
    let root = corpus_dir();
    let races = race_names(&root)?;
    let mut refused = Vec::new();
    let mut recorded = 0;
    for dir in scenarios(&root)? {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let staged = stage(&dir)?;
        let outcomes = if races.contains(&name) {
            let outcomes = race_outcomes(&staged)?;
            let counts: Vec<String> = outcomes.iter().map(|(_, n)| n.to_string()).collect();
            println!(
                "race {name}: {} outputs in {RACE_RUNS} runs ({})",
                outcomes.len(),
                counts.join(" + ")
            );
            outcomes.into_iter().map(|(o, _)| o).collect()
        } else {
            let first = run_node(&staged)?;
            let mut varies = false;
            for _ in 1..RUNS {
                if run_node(&staged)? != first {
                    varies = true;
                    break;
                }
            }
            if varies {
                eprintln!("refused {name}: node's output varies between runs");
                refused.push(name);
                continue;
            }
            vec![first]
        };
        std::fs::write(dir.join("expected.json"), expected_json(&outcomes))?;
        recorded += 1;
    }
    println!("recorded {recorded} scenarios");
    if !refused.is_empty() {
        bail!(
            "{} scenarios vary under node: {}",
            refused.len(),
            refused.join(", ")
        );
    }
    Ok(())
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fidelity")
}

fn scenarios(root: &Path) -> Result<Vec<PathBuf>> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .with_context(|| format!("reading {}", root.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("main.js").exists() || p.join("main.mjs").exists())
        .collect();
    dirs.sort();
    Ok(dirs)
}

type Outcome = (String, String, i32);

/// `{stdout, stderr, status}` of the first outcome, the others under `also`.
fn expected_json(outcomes: &[Outcome]) -> String {
    let fields = |(stdout, stderr, status): &Outcome, indent: &str| {
        format!(
            "{indent}\"stdout\": {},\n{indent}\"stderr\": {},\n{indent}\"status\": {status}",
            json_string(stdout),
            json_string(stderr)
        )
    };
    let mut json = format!("{{\n{}", fields(&outcomes[0], "  "));
    if outcomes.len() > 1 {
        let also: Vec<String> = outcomes[1..]
            .iter()
            .map(|o| format!("    {{\n{}\n    }}", fields(o, "      ")))
            .collect();
        json.push_str(&format!(",\n  \"also\": [\n{}\n  ]", also.join(",\n")));
    }
    json.push_str("\n}\n");
    json
}

/// The names in tests/fidelity/RACES.txt (`name: why` lines).
fn race_names(root: &Path) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(root.join("RACES.txt")).unwrap_or_default();
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(name, _)| name.trim().to_string())
        .collect())
}

/// Every output node printed over `RACE_RUNS` runs, with how often, the most frequent first.
fn race_outcomes(staged: &Path) -> Result<Vec<(Outcome, usize)>> {
    let runs: Vec<Result<Outcome>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..RACE_PARALLEL)
            .map(|_| {
                s.spawn(|| {
                    (0..RACE_RUNS / RACE_PARALLEL)
                        .map(|_| run_node(staged))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a node runner"))
            .collect()
    });
    let mut counts: Vec<(Outcome, usize)> = Vec::new();
    for run in runs {
        let run = run?;
        match counts.iter_mut().find(|(o, _)| *o == run) {
            Some((_, n)) => *n += 1,
            None => counts.push((run, 1)),
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    Ok(counts)
}

/// Runs node on a staged copy of the scenario; the copy's path becomes `<dir>`.
fn run_node(dir: &Path) -> Result<Outcome> {
    let script = if dir.join("main.mjs").exists() {
        "main.mjs"
    } else {
        "main.js"
    };
    let out = Command::new("node")
        .arg(script)
        .current_dir(dir)
        .env("TZ", "UTC")
        .env_remove("NODE_OPTIONS")
        .env_remove("UV_THREADPOOL_SIZE")
        .output()
        .context("running node (v20.20.2 is the reference)")?;
    let canonical = dir.canonicalize()?;
    let place = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes).replace(&*canonical.to_string_lossy(), "<dir>");
        without_pids(&text)
    };
    Ok((
        place(&out.stdout),
        place(&out.stderr),
        shell_status(out.status),
    ))
}

/// The status a shell shows: the exit code, or 128 + the signal's number when a signal killed node
/// (`process.kill(process.pid, 'SIGINT')` with no listener ends with 130).
fn shell_status(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(-1)
}

fn stage(dir: &Path) -> Result<PathBuf> {
    let name = dir.file_name().context("a scenario directory has a name")?;
    let to = Path::new(STAGE).join(name);
    if to.exists() {
        std::fs::remove_dir_all(&to)?;
    }
    std::fs::create_dir_all(STAGE)?;
    let copied = Command::new("cp").arg("-R").arg(dir).arg(&to).status()?;
    if !copied.success() {
        bail!("copying {} to {}", dir.display(), to.display());
    }
    Ok(to)
}

/// `(node:12345)` in warnings becomes `(node:PID)`: the PID changes from run to run.
fn without_pids(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("(node:") {
        out.push_str(&rest[..i + 6]);
        rest = &rest[i + 6..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            out.push_str("PID");
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
