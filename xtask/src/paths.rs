//! Where things live: the workspace root, cargo's target directory, dist/.
use std::path::{Path, PathBuf};

/// The workspace root (xtask sits one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Cargo's target directory: ./target unless the user set CARGO_TARGET_DIR.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// xtask's own scratch space: logs, stamps, intermediate build output.
pub fn xtask_dir() -> PathBuf {
    target_dir().join("xtask")
}

pub fn dist() -> PathBuf {
    root().join("dist")
}

/// Node tools for the build and the browser tests live here (tests/package.json).
pub fn node_dir() -> PathBuf {
    root().join("tests")
}

pub fn artifacts() -> PathBuf {
    root().join("artifacts")
}
