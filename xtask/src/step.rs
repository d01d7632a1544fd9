//! Steps: run a command with its output captured to a log, print one line with the duration,
//! and show the log only when the step fails.
use std::fmt::Display;
use std::fs::{self, File};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};

use crate::paths;

/// How much of a failed step's log to print; the whole log stays on disk.
const FAILED_LOG_TAIL_LINES: usize = 200;

/// Runs `f` as a named step and prints `name ... ok 1.2s` (or `FAILED`).
pub fn timed<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    print!("{name:.<48} ");
    let _ = std::io::stdout().flush();
    let start = Instant::now();
    let result = f();
    let secs = start.elapsed().as_secs_f64();
    match &result {
        Ok(_) => println!("ok {secs:>7.1}s"),
        Err(_) => println!("FAILED {secs:.1}s"),
    }
    result
}

/// Runs `cmd` quietly as a named step; returns its captured output (stdout and stderr).
pub fn run(name: &str, cmd: &mut Command) -> Result<String> {
    run_with_timeout(name, cmd, None)
}

/// Like [`run`], but kills the command if it outlives `timeout`.
pub fn run_with_timeout(
    name: &str,
    cmd: &mut Command,
    timeout: Option<Duration>,
) -> Result<String> {
    timed(name, || capture(name, cmd, timeout))
}

/// Like [`run`], but returns the output whether or not the command succeeded, so the caller can
/// read what a failure left behind (cargo test's counts).
pub fn run_keeping_output(name: &str, cmd: &mut Command) -> (String, Result<()>) {
    let mut output = String::new();
    let result = timed(name, || {
        let (out, result) = capture_both(name, cmd, None)?;
        output = out;
        result
    });
    (output, result)
}

/// Runs `cmd` with its output in a log file; on failure the error carries the log's tail.
pub fn capture(name: &str, cmd: &mut Command, timeout: Option<Duration>) -> Result<String> {
    let (output, result) = capture_both(name, cmd, timeout)?;
    result.map(|()| output)
}

/// The command's output, and whether it succeeded; `Err` only when it could not run at all.
fn capture_both(
    name: &str,
    cmd: &mut Command,
    timeout: Option<Duration>,
) -> Result<(String, Result<()>)> {
    let log_path = log_path(name)?;
    let log =
        File::create(&log_path).with_context(|| format!("creating {}", log_path.display()))?;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .spawn()
        .with_context(|| format!("starting {}", describe(cmd)))?;
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if timeout.is_some_and(|t| start.elapsed() > t) {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = fs::read_to_string(&log_path).unwrap_or_default();
    let failure: Option<Box<dyn Display>> = match status {
        Some(status) if status.success() => None,
        Some(status) => Some(Box::new(status)),
        None => Some(Box::new(format!(
            "timed out after {}s",
            start.elapsed().as_secs()
        ))),
    };
    let result = match failure {
        Some(failure) => Err(anyhow!(
            "{}\n`{}` failed ({failure}); full log: {}",
            tail(&output, FAILED_LOG_TAIL_LINES),
            describe(cmd),
            log_path.display()
        )),
        None => Ok(()),
    };
    Ok((output, result))
}

/// A cargo command in the workspace root, using the cargo that runs xtask.
pub fn cargo() -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(paths::root());
    cmd
}

fn log_path(name: &str) -> Result<PathBuf> {
    let dir = paths::xtask_dir().join("logs");
    fs::create_dir_all(&dir)?;
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    Ok(dir.join(format!("{slug}.log")))
}

fn describe(cmd: &Command) -> String {
    let mut words = vec![cmd.get_program().to_string_lossy().into_owned()];
    words.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    words.join(" ")
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    let skip = all.len().saturating_sub(lines);
    let mut out = String::new();
    if skip > 0 {
        out.push_str(&format!("... ({skip} earlier lines in the log)\n"));
    }
    out.push_str(&all[skip..].join("\n"));
    out
}

/// Prints the line for a step skipped because its inputs did not change.
pub fn unchanged(name: &str) {
    println!("{name:.<48} unchanged");
}
