//! Embeds every built-in JavaScript module, the one tree under `src/lib/` (`build/module_tree.rs`),
//! as the table `BUILTINS` of (name, source). Stops the build when two files claim one name.
use std::fmt::Write;
use std::path::Path;

#[path = "build/module_tree.rs"]
mod module_tree;

fn main() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    println!("cargo:rerun-if-changed=build/module_tree.rs");
    println!("cargo:rerun-if-changed={}", src.display());
    let modules = module_tree::modules(&src).unwrap_or_else(|e| panic!("built-in modules: {e}"));
    let mut code = String::from("pub(crate) static BUILTINS: &[(&str, &str)] = &[\n");
    for (name, file) in modules {
        let file = file.display().to_string();
        println!("cargo:rerun-if-changed={file}");
        writeln!(code, "    ({name:?}, include_str!({file:?})),").expect("string write");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtins.rs");
    std::fs::write(out, code).expect("write builtins table");
}
