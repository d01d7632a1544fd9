//! Node 20's CommonJS resolution (doc/api/modules.md "All together") over the [`Vfs`]:
//! relative and absolute paths, `.js`/`.json`, directories with package.json `main` or index,
//! and the `node_modules` walk-up with a basic package.json `exports`.
use crate::vfs::{Vfs, parent};

/// Joins and normalizes `base` (an absolute directory) with `rel`, resolving `.` and `..`.
pub fn join(base: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let full = if rel.starts_with('/') {
        rel.to_string()
    } else {
        format!("{base}/{rel}")
    };
    for seg in full.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Resolves `request` from a module in `dir`; None is Node's MODULE_NOT_FOUND.
pub fn resolve(vfs: &Vfs, request: &str, dir: &str) -> Option<String> {
    let is_path = request.starts_with("./")
        || request.starts_with("../")
        || request.starts_with('/')
        || request == "."
        || request == "..";
    if is_path {
        let target = join(dir, request);
        return load_as_file(vfs, &target).or_else(|| load_as_directory(vfs, &target));
    }
    for nm in node_modules_paths(dir) {
        if let Some(found) = load_package(vfs, &nm, request) {
            return Some(found);
        }
    }
    None
}

/// NODE_MODULES_PATHS: every ancestor's node_modules, skipping segments that are node_modules.
pub fn node_modules_paths(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if !d.ends_with("/node_modules") {
            out.push(if d == "/" {
                "/node_modules".to_string()
            } else {
                format!("{d}/node_modules")
            });
        }
        cur = parent(d);
    }
    out
}

fn is_file(vfs: &Vfs, path: &str) -> bool {
    vfs.stat(path).is_ok_and(|s| !s.is_dir)
}

fn load_as_file(vfs: &Vfs, path: &str) -> Option<String> {
    if is_file(vfs, path) {
        return Some(path.to_string());
    }
    [".js", ".json", ".node"]
        .iter()
        .map(|ext| format!("{path}{ext}"))
        .find(|p| is_file(vfs, p))
}

fn load_index(vfs: &Vfs, dir: &str) -> Option<String> {
    ["index.js", "index.json", "index.node"]
        .iter()
        .map(|f| format!("{dir}/{f}"))
        .find(|p| is_file(vfs, p))
}

fn package_json(vfs: &Vfs, dir: &str) -> Option<serde_json::Value> {
    let bytes = vfs.read(&format!("{dir}/package.json")).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn load_as_directory(vfs: &Vfs, dir: &str) -> Option<String> {
    if let Some(pkg) = package_json(vfs, dir)
        && let Some(main) = pkg.get("main").and_then(|m| m.as_str())
    {
        let m = join(dir, main);
        if let Some(found) = load_as_file(vfs, &m).or_else(|| load_index(vfs, &m)) {
            return Some(found);
        }
    }
    load_index(vfs, dir)
}

/// LOAD_PACKAGE_EXPORTS then LOAD_AS_FILE / LOAD_AS_DIRECTORY inside one node_modules folder.
fn load_package(vfs: &Vfs, node_modules: &str, request: &str) -> Option<String> {
    let mut segs = request.splitn(3, '/');
    let first = segs.next()?;
    let name_len = if first.starts_with('@') {
        first.len() + 1 + segs.next()?.len()
    } else {
        first.len()
    };
    let (name, sub) = request.split_at(name_len);
    let pkg_dir = format!("{node_modules}/{name}");
    if let Some(exports) = package_json(vfs, &pkg_dir).and_then(|p| p.get("exports").cloned()) {
        let key = format!(".{sub}");
        return exports_target(&exports, &key)
            .map(|t| join(&pkg_dir, &t))
            .filter(|p| is_file(vfs, p));
    }
    let target = join(node_modules, request);
    load_as_file(vfs, &target).or_else(|| load_as_directory(vfs, &target))
}

/// The `exports` target for a subpath key, with the "require"/"node"/"default" conditions.
fn exports_target(exports: &serde_json::Value, key: &str) -> Option<String> {
    use serde_json::Value;
    let by_subpath = match exports {
        Value::Object(map) if map.keys().any(|k| k.starts_with('.')) => map.get(key)?,
        other if key == "." => other,
        _ => return None,
    };
    conditional(by_subpath)
}

fn conditional(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => ["require", "node", "default"]
            .iter()
            .find_map(|c| map.get(*c).and_then(conditional)),
        Value::Array(items) => items.iter().find_map(conditional),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fs() -> Vfs {
        let mut v = Vfs::memory();
        v.insert("/app/main.js", "");
        v.insert("/app/lib/util.js", "");
        v.insert("/app/data.json", "{}");
        v.insert("/app/dir/index.js", "");
        v.insert("/app/pkg/package.json", r#"{"main":"./src/entry"}"#);
        v.insert("/app/pkg/src/entry.js", "");
        v.insert("/node_modules/left/index.js", "");
        v.insert(
            "/app/node_modules/ex/package.json",
            r#"{"exports":{".":{"require":"./c.js"},"./sub":"./s.js"}}"#,
        );
        v.insert("/app/node_modules/ex/c.js", "");
        v.insert("/app/node_modules/ex/s.js", "");
        v
    }

    #[test]
    fn resolves_like_node() {
        let v = fs();
        assert_eq!(
            resolve(&v, "./lib/util", "/app").as_deref(),
            Some("/app/lib/util.js")
        );
        assert_eq!(
            resolve(&v, "./data", "/app").as_deref(),
            Some("/app/data.json")
        );
        assert_eq!(
            resolve(&v, "./dir", "/app").as_deref(),
            Some("/app/dir/index.js")
        );
        assert_eq!(
            resolve(&v, "../pkg", "/app/lib").as_deref(),
            Some("/app/pkg/src/entry.js")
        );
        assert_eq!(
            resolve(&v, "left", "/app/lib").as_deref(),
            Some("/node_modules/left/index.js")
        );
        assert_eq!(
            resolve(&v, "ex", "/app").as_deref(),
            Some("/app/node_modules/ex/c.js")
        );
        assert_eq!(
            resolve(&v, "ex/sub", "/app").as_deref(),
            Some("/app/node_modules/ex/s.js")
        );
        assert_eq!(resolve(&v, "./nope", "/app"), None);
    }
}
