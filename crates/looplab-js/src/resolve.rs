//! Node 20's CommonJS resolution (doc/api/modules.md "All together"; lib/internal/modules/cjs/
//! loader.js `Module._resolveFilename` and `Module._findPath`) over the [`Vfs`]: `#` imports,
//! the package's own name, relative and absolute paths (LOAD_AS_FILE, LOAD_AS_DIRECTORY) and the
//! `node_modules` walk-up with package "exports". Every path it looks at is kept as a probe, so
//! the trace can show the search.
pub mod esm;
mod ordered_json;
pub mod package;

use package::{CJS_CONDITIONS, ImportTarget, TargetError};

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

/// Why a request did not resolve; the loader turns it into Node's error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// MODULE_NOT_FOUND (`Cannot find module '<request>'` with the require stack).
    NotFound,
    /// MODULE_NOT_FOUND with Node's own wording (a package's "main" or "exports" target is missing).
    Missing(String),
    /// ERR_PACKAGE_PATH_NOT_EXPORTED: the subpath and the package.json that does not export it.
    NotExported {
        subpath: String,
        package_json: String,
    },
    /// ERR_PACKAGE_IMPORT_NOT_DEFINED: the `#` specifier and the package.json searched, if any.
    ImportNotDefined { package_json: Option<String> },
}

impl ResolveError {
    /// Node's error code.
    pub fn code(&self) -> &'static str {
        match self {
            ResolveError::NotFound | ResolveError::Missing(_) => "MODULE_NOT_FOUND",
            ResolveError::NotExported { .. } => "ERR_PACKAGE_PATH_NOT_EXPORTED",
            ResolveError::ImportNotDefined { .. } => "ERR_PACKAGE_IMPORT_NOT_DEFINED",
        }
    }

    /// Node's message; `importer` is the importing file, named only where Node names it.
    pub fn message(&self, request: &str, importer: Option<&str>) -> String {
        let from = importer.map_or(String::new(), |i| format!(" imported from {i}"));
        match self {
            ResolveError::NotFound => format!("Cannot find module '{request}'"),
            ResolveError::Missing(m) => m.clone(),
            ResolveError::NotExported {
                subpath,
                package_json,
            } if subpath == "." => format!("No \"exports\" main defined in {package_json}{from}"),
            ResolveError::NotExported {
                subpath,
                package_json,
            } => format!(
                "Package subpath '{subpath}' is not defined by \"exports\" in {package_json}{from}"
            ),
            ResolveError::ImportNotDefined { package_json } => format!(
                "Package import specifier \"{request}\" is not defined{}{from}",
                package_json
                    .as_ref()
                    .map_or(String::new(), |p| format!(" in package {p}"))
            ),
        }
    }
}

/// One path the resolver looked at, and whether something was there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    pub path: String,
    pub found: bool,
}

/// One resolution's search: the file system, the probes so far, warnings Node would emit.
pub struct Resolver<'a> {
    vfs: &'a Vfs,
    pub probes: Vec<Probe>,
    /// DEP0128 texts: a package's "main" was wrong and its index file was used instead.
    pub warnings: Vec<String>,
}

enum Kind {
    File,
    Dir,
}

impl<'a> Resolver<'a> {
    pub fn new(vfs: &'a Vfs) -> Self {
        Resolver {
            vfs,
            probes: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn probe(&mut self, path: &str, found: bool) {
        self.probes.push(Probe {
            path: path.to_string(),
            found,
        });
    }

    fn stat(&mut self, path: &str) -> Option<Kind> {
        let kind = self
            .vfs
            .stat(path)
            .ok()
            .map(|s| if s.is_dir { Kind::Dir } else { Kind::File });
        self.probe(path, kind.is_some());
        kind
    }

    fn is_file(&mut self, path: &str) -> bool {
        matches!(self.stat(path), Some(Kind::File))
    }

    /// `require(request)` from a module in `dir`: `Module._resolveFilename` without built-ins.
    pub fn resolve_cjs(&mut self, request: &str, dir: &str) -> Result<String, ResolveError> {
        if is_relative(request) || request.starts_with('/') {
            return self.find_path(request, &[dir.to_string()]);
        }
        if request.starts_with('#') {
            return self.package_imports(request, dir);
        }
        if let Some(found) = self.package_self(request, dir)? {
            return Ok(found);
        }
        self.find_path(request, &node_modules_paths(dir))
    }

    /// `Module._findPath(request, paths)`: `paths` are base directories for a relative request and
    /// node_modules folders for a bare one.
    pub fn find_path(&mut self, request: &str, paths: &[String]) -> Result<String, ResolveError> {
        let absolute = request.starts_with('/');
        let relative = is_relative(request);
        let trailing_slash =
            request.ends_with('/') || request.ends_with("/.") || request == "." || request == "..";
        let bases: Vec<String> = if absolute {
            vec!["/".into()]
        } else {
            paths.to_vec()
        };
        for base in bases {
            if !absolute && !relative {
                // A node_modules folder that is not there is skipped after one stat.
                if !matches!(self.stat(&base), Some(Kind::Dir)) {
                    continue;
                }
                if let Some(found) = self.package_exports(&base, request)? {
                    return Ok(found);
                }
            }
            let target = join(&base, request);
            let kind = self.stat(&target);
            if !trailing_slash {
                if matches!(kind, Some(Kind::File)) {
                    return Ok(target);
                }
                if let Some(found) = self.try_extensions(&target) {
                    return Ok(found);
                }
            }
            if matches!(kind, Some(Kind::Dir))
                && let Some(found) = self.try_package(&target)?
            {
                return Ok(found);
            }
        }
        Err(ResolveError::NotFound)
    }

    fn try_extensions(&mut self, path: &str) -> Option<String> {
        [".js", ".json", ".node"]
            .iter()
            .map(|ext| format!("{path}{ext}"))
            .find(|p| self.is_file(p))
    }

    /// tryPackage: "main" as a file, with extensions, as a directory's index; else the index.
    fn try_package(&mut self, dir: &str) -> Result<Option<String>, ResolveError> {
        let pkg = self.read_package(dir);
        let Some(main) = pkg
            .as_ref()
            .and_then(|p| p.str_field("main"))
            .map(str::to_string)
        else {
            return Ok(self.try_extensions(&format!("{dir}/index")));
        };
        let file = join(dir, &main);
        if self.is_file(&file) {
            return Ok(Some(file));
        }
        if let Some(found) = self
            .try_extensions(&file)
            .or_else(|| self.try_extensions(&format!("{file}/index")))
        {
            return Ok(Some(found));
        }
        match self.try_extensions(&format!("{dir}/index")) {
            Some(found) => {
                self.warnings.push(format!(
                    "Invalid 'main' field in '{dir}/package.json' of '{main}'. Please either fix that or report it to the module author"
                ));
                Ok(Some(found))
            }
            None => Err(ResolveError::Missing(format!(
                "Cannot find module '{file}'. Please verify that the package.json has a valid \"main\" entry"
            ))),
        }
    }

    /// resolveExports: `node_modules/name` with "exports" answers for every subpath of the package.
    fn package_exports(
        &mut self,
        node_modules: &str,
        request: &str,
    ) -> Result<Option<String>, ResolveError> {
        let Some((name, subpath)) = split_package(request) else {
            return Ok(None);
        };
        let Some(pkg) = self.read_package(&format!("{node_modules}/{name}")) else {
            return Ok(None);
        };
        if !pkg.has("exports") {
            return Ok(None);
        }
        self.exports_file(&pkg, &subpath).map(Some)
    }

    fn exports_file(
        &mut self,
        pkg: &package::PackageJson,
        subpath: &str,
    ) -> Result<String, ResolveError> {
        match self.exports_target(pkg, subpath, CJS_CONDITIONS) {
            Ok(file) if self.is_file(&file) => Ok(file),
            Ok(file) => Err(ResolveError::Missing(format!(
                "Cannot find module '{file}'"
            ))),
            Err(_) => Err(ResolveError::NotExported {
                subpath: subpath.to_string(),
                package_json: pkg.path(),
            }),
        }
    }

    /// trySelf: a package may require itself by its "name" when it has "exports".
    fn package_self(&mut self, request: &str, dir: &str) -> Result<Option<String>, ResolveError> {
        let Some(pkg) = self.package_scope(dir) else {
            return Ok(None);
        };
        let (Some(name), true) = (pkg.str_field("name"), pkg.has("exports")) else {
            return Ok(None);
        };
        let subpath = if request == name {
            ".".to_string()
        } else if let Some(rest) = request.strip_prefix(name).filter(|r| r.starts_with('/')) {
            format!(".{rest}")
        } else {
            return Ok(None);
        };
        self.exports_file(&pkg, &subpath).map(Some)
    }

    /// LOAD_PACKAGE_IMPORTS for `#name`.
    fn package_imports(&mut self, request: &str, dir: &str) -> Result<String, ResolveError> {
        let Some(scope) = self.package_scope(dir) else {
            return Err(ResolveError::ImportNotDefined { package_json: None });
        };
        match self.imports_target(&scope, request, CJS_CONDITIONS) {
            Ok(ImportTarget::File(file)) if self.is_file(&file) => Ok(file),
            Ok(ImportTarget::File(file)) => Err(ResolveError::Missing(format!(
                "Cannot find module '{file}'"
            ))),
            Ok(ImportTarget::Bare(bare)) => self.resolve_cjs(&bare, dir),
            Err(TargetError::ImportNotDefined | TargetError::NotExported) => {
                Err(ResolveError::ImportNotDefined {
                    package_json: Some(scope.path()),
                })
            }
        }
    }
}

fn is_relative(request: &str) -> bool {
    request.starts_with("./") || request.starts_with("../") || request == "." || request == ".."
}

/// A bare request's package name (`@scope/name` or `name`) and its subpath (`.` or `./rest`).
pub fn split_package(request: &str) -> Option<(String, String)> {
    let mut segs = request.splitn(3, '/');
    let first = segs.next()?;
    let name = if first.starts_with('@') {
        format!("{first}/{}", segs.next()?)
    } else {
        first.to_string()
    };
    if name.is_empty() || name.starts_with('.') || name.contains('\\') || name.contains('%') {
        return None;
    }
    let sub = &request[name.len()..];
    Some((name, format!(".{sub}")))
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
            r#"{"exports":{".":{"import":"./m.mjs","require":"./c.js"},"./sub":"./s.js","./p/*":"./q/*.js"}}"#,
        );
        v.insert("/app/node_modules/ex/c.js", "");
        v.insert("/app/node_modules/ex/s.js", "");
        v.insert("/app/node_modules/ex/q/x.js", "");
        v.insert(
            "/app/package.json",
            r##"{"name":"app","exports":"./main.js","imports":{"#u":"./lib/util.js"}}"##,
        );
        v
    }

    fn resolve(v: &Vfs, request: &str, dir: &str) -> Result<String, ResolveError> {
        Resolver::new(v).resolve_cjs(request, dir)
    }

    #[test]
    fn resolves_like_node() {
        let v = fs();
        let ok = |r: &str, d: &str| resolve(&v, r, d).ok();
        assert_eq!(
            ok("./lib/util", "/app").as_deref(),
            Some("/app/lib/util.js")
        );
        assert_eq!(ok("./data", "/app").as_deref(), Some("/app/data.json"));
        assert_eq!(ok("./dir", "/app").as_deref(), Some("/app/dir/index.js"));
        assert_eq!(
            ok("../pkg", "/app/lib").as_deref(),
            Some("/app/pkg/src/entry.js")
        );
        assert_eq!(
            ok("left", "/app/lib").as_deref(),
            Some("/node_modules/left/index.js")
        );
        assert_eq!(
            ok("ex", "/app").as_deref(),
            Some("/app/node_modules/ex/c.js")
        );
        assert_eq!(
            ok("ex/sub", "/app").as_deref(),
            Some("/app/node_modules/ex/s.js")
        );
        assert_eq!(
            ok("ex/p/x", "/app").as_deref(),
            Some("/app/node_modules/ex/q/x.js")
        );
        assert_eq!(ok("app", "/app/lib").as_deref(), Some("/app/main.js"));
        assert_eq!(ok("#u", "/app/lib").as_deref(), Some("/app/lib/util.js"));
        assert_eq!(resolve(&v, "./nope", "/app"), Err(ResolveError::NotFound));
        assert_eq!(
            resolve(&v, "ex/other", "/app").map_err(|e| e.code()),
            Err("ERR_PACKAGE_PATH_NOT_EXPORTED")
        );
    }

    #[test]
    fn probes_every_candidate() {
        let v = fs();
        let mut r = Resolver::new(&v);
        r.resolve_cjs("./data", "/app").unwrap();
        let paths: Vec<_> = r
            .probes
            .iter()
            .map(|p| (p.path.as_str(), p.found))
            .collect();
        assert_eq!(
            paths,
            [
                ("/app/data", false),
                ("/app/data.js", false),
                ("/app/data.json", true)
            ]
        );
    }
}
