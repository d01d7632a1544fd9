//! The built-in modules form one tree: build.rs refuses a tree where two files claim one module
//! name, or a module outside `src/lib/`, instead of letting one file hide the other.
use std::path::{Path, PathBuf};

#[path = "../build/module_tree.rs"]
mod module_tree;

/// A scratch `src/` holding `files` (empty modules), removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str, files: &[&str]) -> Scratch {
        let dir = std::env::temp_dir().join(format!("looplab-tree-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for file in files {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().expect("a file has a parent")).expect("mkdir");
            std::fs::write(&path, "'use strict';\n").expect("write module");
        }
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn names(src: &Path) -> Vec<String> {
    module_tree::modules(src)
        .expect("one tree")
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn modules_are_named_by_their_path_under_lib() {
    let src = Scratch::new(
        "paths",
        &[
            "lib/net.js",
            "lib/fs/promises.js",
            "lib/internal/looplab/tcp_wrap.js",
            "lib/README.md",
            "x.rs",
        ],
    );
    assert_eq!(
        names(&src.0),
        ["fs/promises", "internal/looplab/tcp_wrap", "net"]
    );
}

#[test]
fn two_files_claiming_one_name_stop_the_build() {
    let src = Scratch::new("clash", &["lib/net.js", "lib/Net.js"]);
    let err = module_tree::modules(&src.0).expect_err("a clash");
    assert!(
        err.contains("two files claim the built-in module name"),
        "{err}"
    );
    assert!(err.contains("Net.js") && err.contains("net.js"), "{err}");
}

#[test]
fn a_module_outside_lib_stops_the_build() {
    let src = Scratch::new("outside", &["lib/net.js", "js/net.js"]);
    let err = module_tree::modules(&src.0).expect_err("outside the tree");
    assert!(err.contains("outside the one tree"), "{err}");
}

#[test]
fn the_crate_is_one_tree() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let names = names(&src);
    let wanted = [
        "net",
        "util",
        "internal/looplab/bootstrap",
        "internal/bootstrap/globals",
    ];
    let missing: Vec<&str> = wanted
        .into_iter()
        .filter(|want| !names.iter().any(|n| n == want))
        .collect();
    assert!(missing.is_empty(), "{missing:?} missing from {names:?}");
}
