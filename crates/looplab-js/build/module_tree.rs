//! The built-in modules' one tree: every `.js` file under `src/lib/` is the module named by its
//! path there without `.js` (`net`, `internal/util/inspect`, `internal/looplab/tcp_wrap`), as
//! Node names the files of its own `lib/`. Shared by build.rs and tests/module_tree.rs.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every module under `root` as (name, file), sorted by name; or why the tree is not one.
///
/// Two files claim one name when their names differ only in case: a checkout on a file system
/// that ignores case keeps one of them, so a learner's `require` would load a different module
/// there. A `.js` file elsewhere under `src` is refused too: it would be left out silently.
pub fn modules(src: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    let root = src.join("lib");
    let mut files = Vec::new();
    walk(src, &mut files).map_err(|e| format!("cannot read {}: {e}", src.display()))?;
    let mut claims: BTreeMap<String, (String, PathBuf)> = BTreeMap::new();
    let mut out = Vec::new();
    for file in files {
        let Ok(rel) = file.strip_prefix(&root) else {
            return Err(format!(
                "{} is a built-in module outside the one tree: move it under {} \
                 (src/lib/README.md says where each kind of module goes)",
                file.display(),
                root.display()
            ));
        };
        let name = rel.with_extension("").to_string_lossy().replace('\\', "/");
        if let Some((other, other_file)) = claims.get(&name.to_lowercase()) {
            return Err(format!(
                "two files claim the built-in module name `{name}`: {} (`{other}`) and {}; \
                 keep one",
                other_file.display(),
                file.display()
            ));
        }
        claims.insert(name.to_lowercase(), (name.clone(), file.clone()));
        out.push((name, file));
    }
    out.sort();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "js") {
            out.push(path);
        }
    }
    Ok(())
}
