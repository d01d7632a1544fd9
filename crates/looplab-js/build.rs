//! Embeds every built-in JavaScript module: Node's library (`src/lib/`) and the host's own
//! (`src/js/`), named by their path without `.js` (`internal/util/inspect`).
use std::fmt::Write;
use std::path::Path;

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            let rel = path
                .strip_prefix(root)
                .expect("under root")
                .with_extension("");
            let name = rel.to_string_lossy().replace('\\', "/");
            out.push((name, path.to_string_lossy().into_owned()));
        }
    }
}

fn table(name: &str, dir: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let mut s = format!("pub(crate) static {name}: &[(&str, &str)] = &[\n");
    for (module, path) in files {
        println!("cargo:rerun-if-changed={path}");
        writeln!(s, "    ({module:?}, include_str!({path:?})),").expect("string write");
    }
    s.push_str("];\n");
    s
}

fn main() {
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtins.rs");
    let code = table("LIB", "src/lib") + &table("HOST", "src/js");
    std::fs::write(out, code).expect("write builtins table");
}
