//! Installs what the build and the tests need, when it is missing: the wasm32 target, the
//! wasm-bindgen CLI matching the crate, the Node packages in tests/package.json, Chromium.
//! Each check is quiet when the tool is already there.
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{paths, stamp, step};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";

/// Adds the wasm32 target to the active toolchain unless its standard library is there.
pub fn ensure_wasm_target() -> Result<()> {
    let sysroot = output_of(Command::new("rustc").args(["--print", "sysroot"]))?;
    let std_dir = Path::new(sysroot.trim())
        .join("lib/rustlib")
        .join(WASM_TARGET);
    if std_dir.is_dir() {
        return Ok(());
    }
    step::run(
        &format!("install rust target {WASM_TARGET}"),
        Command::new("rustup").args(["target", "add", WASM_TARGET]),
    )?;
    Ok(())
}

/// Returns a wasm-bindgen CLI of exactly the version the `wasm-bindgen` crate is pinned to,
/// installing it with `cargo install` (a few minutes) when there is none.
pub fn ensure_wasm_bindgen() -> Result<PathBuf> {
    let version = pinned_wasm_bindgen_version()?;
    let installed = cargo_home().join("bin/wasm-bindgen");
    for candidate in [installed.clone(), PathBuf::from("wasm-bindgen")] {
        if wasm_bindgen_version(&candidate).as_deref() == Some(version.as_str()) {
            return Ok(candidate);
        }
    }
    step::run(
        &format!("install wasm-bindgen-cli {version} (a few minutes)"),
        step::cargo().args([
            "install",
            "wasm-bindgen-cli",
            "--force",
            "--version",
            &version,
        ]),
    )?;
    match wasm_bindgen_version(&installed) {
        Some(found) if found == version => Ok(installed),
        found => bail!(
            "{} reports version {found:?} after installing {version}",
            installed.display()
        ),
    }
}

/// The version in `wasm-bindgen = "=X.Y.Z"` of the root Cargo.toml.
fn pinned_wasm_bindgen_version() -> Result<String> {
    let manifest = paths::root().join("Cargo.toml");
    let text = fs::read_to_string(&manifest)?;
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| {
            l.strip_prefix("wasm-bindgen")
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .with_context(|| format!("no `wasm-bindgen = ...` line in {}", manifest.display()))?;
    let quoted = line.split('"').nth(1).unwrap_or_default();
    match quoted.strip_prefix('=') {
        Some(version) if !version.is_empty() => Ok(version.to_string()),
        _ => bail!(
            "{}: pin wasm-bindgen exactly (`\"=X.Y.Z\"`) so the CLI can match it",
            manifest.display()
        ),
    }
}

fn wasm_bindgen_version(binary: &Path) -> Option<String> {
    let out = output_of(Command::new(binary).arg("--version")).ok()?;
    out.split_whitespace().nth(1).map(str::to_string)
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// Installs tests/package.json's packages unless the installed set matches the manifest and
/// lock file (a stamp in node_modules records what was installed).
pub fn ensure_node_packages() -> Result<()> {
    let dir = paths::node_dir();
    let manifest = fs::read(dir.join("package.json"))?;
    let lock = fs::read(dir.join("package-lock.json")).ok();
    let fingerprint = stamp::fingerprint([&manifest[..], lock.as_deref().unwrap_or_default()]);
    let stamp_path = dir.join("node_modules/.xtask-stamp");
    if stamp::is_fresh(&stamp_path, &fingerprint) && wasm_opt().exists() {
        return Ok(());
    }
    if output_of(Command::new("npm").arg("--version")).is_err() {
        bail!("Node.js and npm are needed (Node 20 or newer): install them, then re-run");
    }
    // `npm ci` installs exactly the lock file and fails if package.json drifted from it.
    let verb = if lock.is_some() { "ci" } else { "install" };
    step::run(
        "install node packages (tests/package.json)",
        Command::new("npm")
            .args([verb, "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir),
    )?;
    stamp::write(&stamp_path, &fingerprint)?;
    Ok(())
}

/// Binaryen's wasm-opt from npm: Debian's is too old for what rustc emits.
pub fn wasm_opt() -> PathBuf {
    paths::node_dir().join("node_modules/.bin/wasm-opt")
}

/// Returns Chromium's path, installing Debian's package when it is missing.
/// `CHROMIUM` overrides the path (for machines without apt).
pub fn ensure_chromium() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Ok(PathBuf::from(path));
    }
    let path = PathBuf::from(DEFAULT_CHROMIUM);
    if path.exists() {
        return Ok(path);
    }
    let is_root = output_of(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if is_root {
            Command::new("apt-get")
        } else {
            Command::new("sudo")
        };
        if !is_root {
            cmd.args(["-n", "apt-get"]);
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    step::run("apt-get update", &mut apt(&["update", "-q"]))?;
    step::run(
        "install chromium (apt)",
        &mut apt(&["install", "-y", "-q", "chromium", "chromium-driver"]),
    )?;
    if !path.exists() {
        bail!(
            "{} is still missing after installing chromium",
            path.display()
        );
    }
    Ok(path)
}

/// Runs a short command and returns its stdout; an error if it cannot start or fails.
fn output_of(cmd: &mut Command) -> Result<String> {
    let out = cmd
        .output()
        .with_context(|| format!("running {:?}", cmd.get_program()))?;
    if !out.status.success() {
        bail!("{:?} exited with {}", cmd.get_program(), out.status);
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
