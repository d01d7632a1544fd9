//! `cargo xtask test`: everything the project checks, in order, stopping at the first failure.
//! Installs what is missing first; each step prints one line with its duration.
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::server::{Server, looplab_binary};
use crate::{build, paths, step, tools};

/// A browser test that takes longer than this is stuck, not slow.
const BROWSER_TEST_TIMEOUT: Duration = Duration::from_secs(600);

/// What `cargo xtask test` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything, as CI runs it.
    All,
    /// Only the page build and the browser tests (`--browser-only`), for iterating on the page.
    BrowserOnly,
}

pub fn main(scope: Scope) -> Result<()> {
    let start = Instant::now();
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    tools::ensure_node_packages()?;
    let chromium = tools::ensure_chromium()?;

    let unit = match scope {
        Scope::All => rust_checks()?,
        Scope::BrowserOnly => {
            // The browser tests are served by the debug `looplab` that this builds.
            build_tests_and_binaries()?;
            0
        }
    };

    build::page(&wasm_bindgen)?;
    let browser = browser_tests(&chromium, unit)?;

    println!("passed in {:.0}s", start.elapsed().as_secs_f64());
    summary(unit + browser, 0);
    Ok(())
}

/// The last line of a run, passed and failed tests counted the same way whether it failed or not.
fn summary(passed: usize, failed: usize) {
    println!("summary: {passed} passed, {failed} failed");
}

/// fmt, clippy and cargo test; returns how many unit tests passed.
fn rust_checks() -> Result<usize> {
    step::run(
        "cargo fmt --check",
        step::cargo().args(["fmt", "--all", "--check"]),
    )?;
    step::run(
        "cargo clippy (workspace)",
        step::cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    step::run(
        "cargo clippy (looplab-web, wasm32)",
        step::cargo()
            .args([
                "clippy",
                "--package",
                "looplab-web",
                "--target",
                tools::WASM_TARGET,
            ])
            .args(["--", "-D", "warnings"]),
    )?;
    build_tests_and_binaries()?;
    // --no-fail-fast: one crate's failure should not hide another's.
    let (output, result) = step::run_keeping_output(
        "cargo test (workspace)",
        step::cargo().args(["test", "--workspace", "--no-fail-fast"]),
    );
    let (passed, failed) = test_counts(&output);
    if result.is_err() {
        summary(passed, failed);
    }
    result.map(|()| passed)
}

/// Tests and binaries in one build: the same packages and features as `cargo test`, so the
/// debug `looplab` that serves the browser tests costs a link, not a second build of its deps.
fn build_tests_and_binaries() -> Result<()> {
    step::run(
        "cargo build (workspace tests and binaries)",
        step::cargo().args(["build", "--workspace", "--tests", "--bins"]),
    )?;
    Ok(())
}

/// Runs each tests/browser/*.mjs with node against a fresh server, stopping at the first that
/// fails; returns how many passed. `unit` tests passed before, for the summary of a failure.
fn browser_tests(chromium: &Path, unit: usize) -> Result<usize> {
    let data = paths::xtask_dir().join("browser-test-data");
    let _ = std::fs::remove_dir_all(&data);
    let log = paths::xtask_dir().join("logs/looplab-serve.log");
    let server = Server::start(&looplab_binary("debug"), 0, &data, Some(&log))?;
    println!(
        "browser tests: dist/ served by looplab serve at {}",
        server.url
    );
    std::fs::create_dir_all(paths::artifacts())?;
    let files = browser_test_files()?;
    for (passed, file) in files.iter().enumerate() {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        step::run_with_timeout(
            &format!("browser test {name}"),
            Command::new("node")
                .arg(file)
                .current_dir(paths::node_dir())
                .env("LOOPLAB_URL", &server.url)
                .env("LOOPLAB_ARTIFACTS", paths::artifacts())
                .env("CHROMIUM", chromium),
            Some(BROWSER_TEST_TIMEOUT),
        )
        .inspect_err(|_| summary(unit + passed, 1))?;
    }
    Ok(files.len())
}

fn browser_test_files() -> Result<Vec<PathBuf>> {
    let dir = paths::node_dir().join("browser");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "mjs"))
        .collect();
    files.sort();
    Ok(files)
}

/// Adds up cargo test's `test result: ok. N passed; M failed; ...` lines.
fn test_counts(output: &str) -> (usize, usize) {
    let count = |line: &str, word: &str| -> usize {
        line.split(';')
            .find_map(|part| {
                part.trim()
                    .strip_suffix(word)?
                    .split_whitespace()
                    .last()?
                    .parse()
                    .ok()
            })
            .unwrap_or(0)
    };
    output
        .lines()
        .filter(|line| line.starts_with("test result:"))
        .fold((0, 0), |(p, f), line| {
            (p + count(line, " passed"), f + count(line, " failed"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_up_test_results() {
        let out = "test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out\n\
                   noise\n\
                   test result: ok. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out\n";
        assert_eq!(test_counts(out), (5, 1));
    }
}
