//! `cargo xtask build`: the release `looplab` binary and the page in dist/.
//!
//! The page: cargo builds looplab-web for wasm32, wasm-bindgen writes the JS glue, wasm-opt
//! shrinks the module, and index.html plus web/static/ are copied beside them. wasm-bindgen
//! and wasm-opt are skipped when the module and the tools are the ones of the last build.
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{paths, stamp, step, tools, wasm_imports};

const WASM_PROFILE: &str = "wasm-release";
/// What wasm-bindgen names its output (`looplab_web.js`, `looplab_web_bg.wasm`); index.html loads it.
const WASM_NAME: &str = "looplab_web";
/// What rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept all of it.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-call-indirect-overlong",
    "--enable-multivalue",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
];

pub fn main() -> Result<()> {
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    tools::ensure_node_packages()?;
    page(&wasm_bindgen)?;
    step::run(
        "build looplab (release)",
        step::cargo().args([
            "build",
            "--release",
            "--package",
            "looplab-native",
            "--bin",
            "looplab",
        ]),
    )?;
    Ok(())
}

/// Builds the page into dist/ and checks its module can load in a browser.
pub fn page(wasm_bindgen: &Path) -> Result<()> {
    step::run(
        "build looplab-web (wasm32, wasm-release)",
        step::cargo().args([
            "build",
            "--package",
            "looplab-web",
            "--target",
            tools::WASM_TARGET,
            "--profile",
            WASM_PROFILE,
        ]),
    )?;
    let raw = paths::target_dir()
        .join(tools::WASM_TARGET)
        .join(WASM_PROFILE)
        .join("looplab-web.wasm");
    let module = fs::read(&raw).with_context(|| format!("reading {}", raw.display()))?;
    step::timed("check wasm imports (none from `env`)", || {
        no_env_imports(&module)
    })?;
    bindgen_and_optimize(wasm_bindgen, &raw, &module)?;
    copy_static_files()?;
    report_size(&paths::dist().join(format!("{WASM_NAME}_bg.wasm")));
    Ok(())
}

fn no_env_imports(module: &[u8]) -> Result<()> {
    let env: Vec<String> = wasm_imports::imports(module)?
        .into_iter()
        .filter(|(module, _)| module == "env")
        .map(|(_, name)| name)
        .collect();
    if !env.is_empty() {
        bail!(
            "the page's wasm imports {} from `env`: some dependency of looplab-web (looplab-core?) \
             uses C code or a std API that wasm32-unknown-unknown lacks; a browser cannot load it",
            env.join(", ")
        );
    }
    Ok(())
}

fn bindgen_and_optimize(wasm_bindgen: &Path, raw: &Path, module: &[u8]) -> Result<()> {
    let name = "wasm-bindgen + wasm-opt -Oz";
    let dist = paths::dist();
    let out_wasm = dist.join(format!("{WASM_NAME}_bg.wasm"));
    let out_js = dist.join(format!("{WASM_NAME}.js"));
    let binaryen = fs::read(paths::node_dir().join("node_modules/binaryen/package.json"))?;
    let tool = wasm_bindgen.to_string_lossy();
    let fingerprint = stamp::fingerprint([module, &binaryen, tool.as_bytes()]);
    let stamp_path = paths::xtask_dir().join("page.stamp");
    if stamp::is_fresh(&stamp_path, &fingerprint) && out_wasm.exists() && out_js.exists() {
        step::unchanged(name);
        return Ok(());
    }
    step::timed(name, || {
        let scratch = paths::xtask_dir().join("bindgen");
        let _ = fs::remove_dir_all(&scratch);
        fs::create_dir_all(&dist)?;
        step::capture(
            "wasm-bindgen",
            Command::new(wasm_bindgen)
                .args([
                    "--target",
                    "web",
                    "--no-typescript",
                    "--out-name",
                    WASM_NAME,
                ])
                .arg("--out-dir")
                .arg(&scratch)
                .arg(raw),
            None,
        )?;
        step::capture(
            "wasm-opt",
            Command::new(tools::wasm_opt())
                .arg("-Oz")
                .args(WASM_FEATURES)
                .arg(scratch.join(format!("{WASM_NAME}_bg.wasm")))
                .arg("-o")
                .arg(&out_wasm),
            None,
        )?;
        fs::copy(scratch.join(format!("{WASM_NAME}.js")), &out_js)?;
        stamp::write(&stamp_path, &fingerprint)?;
        Ok(())
    })
}

/// index.html and everything in web/static/ go to dist/ as they are.
fn copy_static_files() -> Result<()> {
    let root = paths::root();
    let mut files = vec![root.join("index.html")];
    for entry in fs::read_dir(root.join("web/static"))? {
        let path = entry?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    for file in files {
        let to = paths::dist().join(file.file_name().context("file name")?);
        copy_if_changed(&file, &to)?;
    }
    Ok(())
}

fn copy_if_changed(from: &Path, to: &PathBuf) -> Result<()> {
    let bytes = fs::read(from).with_context(|| format!("reading {}", from.display()))?;
    if fs::read(to).ok().as_deref() != Some(&bytes[..]) {
        fs::write(to, bytes).with_context(|| format!("writing {}", to.display()))?;
    }
    Ok(())
}

/// Prints the module's size, raw and gzipped (when gzip is there), to keep an eye on it.
fn report_size(wasm: &Path) {
    let raw = fs::metadata(wasm).map(|m| m.len()).unwrap_or(0);
    let gzip = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(wasm)
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| format!(", {} KiB gzip", out.stdout.len() / 1024));
    println!(
        "page module {}: {} KiB{}",
        wasm.file_name().unwrap_or_default().to_string_lossy(),
        raw / 1024,
        gzip.unwrap_or_default()
    );
}
