//! `cargo xtask build`: the release `looplab` binary and the page in dist/.
//!
//! The page: cargo builds looplab-web for wasm32, wasm-bindgen writes the JS glue and wasm-opt
//! shrinks the module (into target/xtask/page/; skipped when the module and the tools are the
//! ones of the last build). Then index.html, web/static/ and those two go to dist/ under
//! content-hashed names (`hashed_names.rs`), each with a brotli and a gzip copy
//! (`precompress.rs`), so any static host can cache them for good and send them small.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::hashed_names::{self, Published};
use crate::{paths, precompress, stamp, step, tools, wasm_imports};

const WASM_PROFILE: &str = "wasm-release";
/// What wasm-bindgen names its output (`looplab_web.js`, `looplab_web_bg.wasm`); index.html loads it.
const WASM_NAME: &str = "looplab_web";
/// The page's entry: never renamed, so a host serves it at the directory's URL.
const ENTRY: &str = "index.html";
/// index.html's loader shows progress against the wasm's size, which the build writes here
/// (a server may send the wasm compressed, so its Content-Length is not the size that arrives).
const WASM_BYTES_SLOT: &str = "data-wasm-bytes=\"\"";
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
    let published = step::timed("dist/: hashed names, brotli and gzip copies", publish)?;
    report_size(&published);
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
    let stage = stage_dir();
    let out_wasm = stage.join(format!("{WASM_NAME}_bg.wasm"));
    let out_js = stage.join(format!("{WASM_NAME}.js"));
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
        fs::create_dir_all(&stage)?;
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

/// Where wasm-bindgen and wasm-opt leave the module and its glue, under their own names.
fn stage_dir() -> PathBuf {
    paths::xtask_dir().join("page")
}

/// index.html, web/static/ and the staged module and glue, as the page's files by name.
fn page_sources() -> Result<BTreeMap<String, Vec<u8>>> {
    let root = paths::root();
    let stage = stage_dir();
    let mut paths = vec![
        root.join(ENTRY),
        stage.join(format!("{WASM_NAME}_bg.wasm")),
        stage.join(format!("{WASM_NAME}.js")),
    ];
    for entry in fs::read_dir(root.join("web/static"))? {
        let path = entry?.path();
        if path.is_file() {
            paths.push(path);
        }
    }
    let mut files = BTreeMap::new();
    for path in paths {
        let name = path.file_name().context("file name")?.to_string_lossy();
        let bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        files.insert(name.into_owned(), bytes);
    }
    Ok(files)
}

/// Writes dist/ afresh: the hashed files, index.html naming them, a brotli and a gzip copy of
/// each compressible file, and nothing left over from earlier builds.
fn publish() -> Result<Published> {
    let mut files = page_sources()?;
    let wasm_bytes = files[&format!("{WASM_NAME}_bg.wasm")].len();
    let entry = files.get_mut(ENTRY).context("index.html")?;
    let html = String::from_utf8(std::mem::take(entry)).context("index.html is not UTF-8")?;
    *entry = html
        .replacen(
            WASM_BYTES_SLOT,
            &format!("data-wasm-bytes=\"{wasm_bytes}\""),
            1,
        )
        .into_bytes();
    let mut published = hashed_names::publish(files, ENTRY)?;
    // Scripts that import the glue by its own name (a test's `import("./looplab_web.js")`)
    // get the page's very module through this alias, not a second, uninitialised copy.
    let glue = format!("{WASM_NAME}.js");
    if let Some(hashed) = published.renamed.get(&glue) {
        let alias = format!(
            "// The page's module under its unhashed name; index.html loads {hashed} itself.\n\
             export * from \"./{hashed}\";\nexport {{ default }} from \"./{hashed}\";\n"
        );
        published.files.insert(glue, alias.into_bytes());
    }

    let dist = paths::dist();
    fs::create_dir_all(&dist)?;
    let hashed: BTreeSet<&String> = published.renamed.values().collect();
    let mut keep = BTreeSet::new();
    for (name, bytes) in &published.files {
        let path = dist.join(name);
        write_if_changed(&path, bytes)?;
        keep.insert(name.clone());
        if !precompress::is_compressible(name) {
            continue;
        }
        let (br, gz) = (format!("{name}.br"), format!("{name}.gz"));
        // A hashed name is its content: copies already there are the right ones.
        let done = hashed.contains(name) && dist.join(&br).exists() && dist.join(&gz).exists();
        if !done {
            let (brotli, gzip) = std::thread::scope(|s| {
                let brotli = s.spawn(|| precompress::brotli(bytes));
                let gzip = precompress::gzip(bytes);
                (brotli.join().expect("brotli thread"), gzip)
            });
            for (copy, compressed) in [(&br, brotli?), (&gz, gzip?)] {
                // A copy no smaller than the file (a tiny one) is not worth a lookup.
                if compressed.len() < bytes.len() {
                    write_if_changed(&dist.join(copy), &compressed)?;
                } else {
                    let _ = fs::remove_file(dist.join(copy));
                }
            }
        }
        for copy in [br, gz] {
            if dist.join(&copy).exists() {
                keep.insert(copy);
            }
        }
    }
    for entry in fs::read_dir(&dist)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_file() && !keep.contains(&name) {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(published)
}

fn write_if_changed(to: &Path, bytes: &[u8]) -> Result<()> {
    if fs::read(to).ok().as_deref() != Some(bytes) {
        fs::write(to, bytes).with_context(|| format!("writing {}", to.display()))?;
    }
    Ok(())
}

/// Prints the module's size as built and as sent (brotli, gzip), to keep an eye on it.
fn report_size(published: &Published) {
    let Some(wasm) = published.renamed.get(&format!("{WASM_NAME}_bg.wasm")) else {
        return;
    };
    let size = |name: &str| {
        fs::metadata(paths::dist().join(name))
            .map(|m| m.len() / 1024)
            .unwrap_or(0)
    };
    println!(
        "page module {wasm}: {} KiB, {} KiB brotli, {} KiB gzip",
        size(wasm),
        size(&format!("{wasm}.br")),
        size(&format!("{wasm}.gz")),
    );
}
