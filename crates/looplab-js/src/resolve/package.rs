//! package.json as both loaders read it: the package scope, "exports" and "imports" targets with
//! conditions (lib/internal/modules/esm/resolve.js: packageExportsResolve, packageImportsResolve,
//! resolvePackageTarget), shared by `require` and `import` with different condition sets.
use super::ordered_json::Json as Value;

use super::{Resolver, join};
use crate::vfs::parent;

/// `require` matches these conditions (and "default"); `import` matches its own.
pub const CJS_CONDITIONS: &[&str] = &["require", "node", "node-addons"];
pub const ESM_CONDITIONS: &[&str] = &["node", "import", "node-addons"];

/// A package.json that was found and parsed, with the directory holding it.
pub struct PackageJson {
    pub dir: String,
    pub json: Value,
}

impl PackageJson {
    pub fn path(&self) -> String {
        super::join(&self.dir, "package.json")
    }
    pub fn str_field(&self, key: &str) -> Option<&str> {
        self.json.get(key).and_then(Value::as_str)
    }

    /// Whether the package has a non-null field `key` ("exports", "imports").
    pub fn has(&self, key: &str) -> bool {
        self.json.get(key).is_some_and(|v| !v.is_null())
    }
}

/// Why an "exports" or "imports" lookup gave no file.
pub enum TargetError {
    /// ERR_PACKAGE_PATH_NOT_EXPORTED for this subpath.
    NotExported,
    /// ERR_PACKAGE_IMPORT_NOT_DEFINED.
    ImportNotDefined,
}

impl Resolver<'_> {
    /// `dir/package.json`, parsed (a file that does not parse counts as absent).
    pub fn read_package(&mut self, dir: &str) -> Option<PackageJson> {
        let path = super::join(dir, "package.json");
        let bytes = self.vfs.read(&path).ok();
        self.probe(&path, bytes.is_some());
        let json = Value::parse(&bytes?)?;
        Some(PackageJson {
            dir: dir.to_string(),
            json,
        })
    }

    /// The nearest package.json at or above `dir`, not looking past a `node_modules` folder
    /// (readPackageScope / getPackageScopeConfig).
    pub fn package_scope(&mut self, dir: &str) -> Option<PackageJson> {
        let mut cur = Some(dir);
        while let Some(d) = cur {
            if d.ends_with("/node_modules") {
                return None;
            }
            if let Some(pkg) = self.read_package(d) {
                return Some(pkg);
            }
            cur = parent(d);
        }
        None
    }

    /// packageExportsResolve: the file for `subpath` ("." or "./x") under `pkg`'s "exports".
    pub fn exports_target(
        &mut self,
        pkg: &PackageJson,
        subpath: &str,
        conditions: &[&str],
    ) -> Result<String, TargetError> {
        let exports = pkg.json.get("exports").cloned().unwrap_or(Value::Null);
        let by_subpath = match &exports {
            Value::Object(map) if map.iter().any(|(k, _)| k.starts_with('.')) => exports.clone(),
            _ => Value::Object(vec![(".".to_string(), exports)]),
        };
        match_subpath(&by_subpath, subpath)
            .and_then(|(target, star)| {
                resolve_target(&pkg.dir, target, star.as_deref(), conditions, false)
            })
            .ok_or(TargetError::NotExported)
    }

    /// packageImportsResolve: `#name` under the "imports" of the package around `dir`. A bare
    /// target resolves as a package from `dir`.
    pub fn imports_target(
        &mut self,
        scope: &PackageJson,
        specifier: &str,
        conditions: &[&str],
    ) -> Result<ImportTarget, TargetError> {
        let imports = scope.json.get("imports").cloned().unwrap_or(Value::Null);
        let (target, star) =
            match_subpath(&imports, specifier).ok_or(TargetError::ImportNotDefined)?;
        match resolve_target(&scope.dir, target, star.as_deref(), conditions, true) {
            Some(t) if t.starts_with('/') => Ok(ImportTarget::File(t)),
            Some(t) => Ok(ImportTarget::Bare(t)),
            None => Err(TargetError::ImportNotDefined),
        }
    }
}

/// An "imports" entry points at a file in the package or at another package.
pub enum ImportTarget {
    File(String),
    Bare(String),
}

/// The exact key, or the best `*` pattern (longest prefix first), with the text `*` stands for.
fn match_subpath<'v>(map: &'v Value, key: &str) -> Option<(&'v Value, Option<String>)> {
    let Value::Object(map) = map else { return None };
    if let Some((_, v)) = map
        .iter()
        .rev()
        .find(|(k, _)| k == key && !key.contains('*'))
    {
        return Some((v, None));
    }
    let mut best: Option<(&str, &Value, String)> = None;
    for (k, v) in map {
        let Some(star) = k.find('*') else { continue };
        let (prefix, suffix) = (&k[..star], &k[star + 1..]);
        if key.len() >= k.len() - 1
            && key.starts_with(prefix)
            && key.ends_with(suffix)
            && key.len() > prefix.len()
        {
            let better = best
                .as_ref()
                .is_none_or(|(b, ..)| pattern_key_compare(k, b));
            if better {
                let middle = key[prefix.len()..key.len() - suffix.len()].to_string();
                best = Some((k, v, middle));
            }
        }
    }
    best.map(|(_, v, middle)| (v, Some(middle)))
}

/// patternKeyCompare: a longer prefix before `*` wins, then the longer key.
fn pattern_key_compare(a: &str, b: &str) -> bool {
    let pa = a.find('*').unwrap_or(a.len());
    let pb = b.find('*').unwrap_or(b.len());
    if pa != pb {
        return pa > pb;
    }
    a.len() > b.len()
}

/// resolvePackageTarget: a string target (relative to the package, `*` filled in), the first
/// matching condition of an object in key order, or the first valid entry of an array.
fn resolve_target(
    dir: &str,
    target: &Value,
    star: Option<&str>,
    conditions: &[&str],
    internal: bool,
) -> Option<String> {
    match target {
        Value::String(s) => {
            let s = match star {
                Some(m) => s.replace('*', m),
                None => s.clone(),
            };
            if s.starts_with("./") {
                Some(join(dir, &s))
            } else if internal && !s.starts_with('/') && !s.starts_with("../") {
                Some(s)
            } else {
                None
            }
        }
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| k == "default" || conditions.contains(&k.as_str()))
            .find_map(|(_, v)| resolve_target(dir, v, star, conditions, internal)),
        Value::Array(items) => items
            .iter()
            .find_map(|v| resolve_target(dir, v, star, conditions, internal)),
        _ => None,
    }
}
