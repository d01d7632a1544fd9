//! Node 20's ES module resolution (lib/internal/modules/esm/resolve.js `defaultResolve`) and
//! format detection (esm/get_format.js): relative specifiers name their file exactly (no
//! extensions, no directory index), bare specifiers walk up `node_modules` with the "import"
//! conditions, `node:` names built-ins.
use super::package::{ESM_CONDITIONS, ImportTarget, PackageJson};
use super::{Kind, Resolver, join, split_package};
use crate::builtins;
use crate::vfs::parent;

/// How a resolved module is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Module,
    CommonJs,
    Json,
    Builtin,
}

/// A specifier that resolved: a file path, or `node:name` for a built-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub path: String,
    pub format: Format,
}

/// A resolution failure with Node's code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EsmError {
    pub code: &'static str,
    pub message: String,
}

fn error(code: &'static str, message: String) -> EsmError {
    EsmError { code, message }
}

/// The `node:` name of a built-in, if `specifier` names one.
pub fn builtin_name(specifier: &str) -> Option<Result<String, EsmError>> {
    if let Some(name) = specifier.strip_prefix("node:") {
        return Some(if builtins::public_names().contains(&name) {
            Ok(specifier.to_string())
        } else {
            Err(error(
                "ERR_UNKNOWN_BUILTIN_MODULE",
                format!("No such built-in module: {specifier}"),
            ))
        });
    }
    builtins::public_names()
        .contains(&specifier)
        .then(|| Ok(format!("node:{specifier}")))
}

impl Resolver<'_> {
    /// `import specifier` from the module at `importer` (a path; None for the entry).
    pub fn resolve_esm(&mut self, specifier: &str, importer: &str) -> Result<Resolved, EsmError> {
        if let Some(builtin) = builtin_name(specifier) {
            return builtin.map(|path| Resolved {
                path,
                format: Format::Builtin,
            });
        }
        let dir = parent(importer).unwrap_or("/");
        let file = if specifier.starts_with("./")
            || specifier.starts_with("../")
            || specifier.starts_with('/')
            || specifier == "."
            || specifier == ".."
        {
            let mut path = join(dir, specifier);
            if specifier.ends_with('/') && path != "/" {
                path.push('/');
            }
            self.finalize(&path, specifier, importer)?
        } else if specifier.starts_with('#') {
            self.esm_imports(specifier, dir, importer)?
        } else {
            self.package_resolve(specifier, dir, importer)?
        };
        let format = self.format_of(&file)?;
        Ok(Resolved { path: file, format })
    }

    /// finalizeResolution: the path must be a file; a directory is refused with a hint.
    fn finalize(
        &mut self,
        path: &str,
        specifier: &str,
        importer: &str,
    ) -> Result<String, EsmError> {
        let trimmed = path.trim_end_matches('/');
        let trimmed = if trimmed.is_empty() { "/" } else { trimmed };
        match self.stat(trimmed) {
            Some(Kind::File) if !path.ends_with('/') => Ok(trimmed.to_string()),
            Some(Kind::Dir) | Some(Kind::File) => {
                let mut message = format!(
                    "Directory import '{path}' is not supported resolving ES modules imported from {importer}"
                );
                if let Some(entry) = self.directory_entry(trimmed) {
                    let spec = specifier.trim_end_matches('/');
                    message.push_str(&format!("\nDid you mean to import \"{spec}/{entry}\"?"));
                }
                Err(error("ERR_UNSUPPORTED_DIR_IMPORT", message))
            }
            None => Err(error(
                "ERR_MODULE_NOT_FOUND",
                format!("Cannot find module '{path}' imported from {importer}"),
            )),
        }
    }

    /// What `require` would have loaded from a directory: its "main", else index.js.
    fn directory_entry(&mut self, dir: &str) -> Option<String> {
        if let Some(main) = self
            .read_package(dir)
            .and_then(|p| p.str_field("main").map(str::to_string))
        {
            return Some(main.trim_start_matches("./").to_string());
        }
        self.is_file(&format!("{dir}/index.js"))
            .then(|| "index.js".to_string())
    }

    fn esm_imports(
        &mut self,
        specifier: &str,
        dir: &str,
        importer: &str,
    ) -> Result<String, EsmError> {
        let not_defined = |pkg: Option<String>| {
            error(
                "ERR_PACKAGE_IMPORT_NOT_DEFINED",
                format!(
                    "Package import specifier \"{specifier}\" is not defined{} imported from {importer}",
                    pkg.map_or(String::new(), |p| format!(" in package {p}"))
                ),
            )
        };
        let Some(scope) = self.package_scope(dir) else {
            return Err(not_defined(None));
        };
        match self.imports_target(&scope, specifier, ESM_CONDITIONS) {
            Ok(ImportTarget::File(file)) => self.finalize(&file, specifier, importer),
            Ok(ImportTarget::Bare(bare)) => self.package_resolve(&bare, dir, importer),
            Err(_) => Err(not_defined(Some(scope.path()))),
        }
    }

    /// packageResolve: the package's own name, then `node_modules` folders upwards.
    fn package_resolve(
        &mut self,
        specifier: &str,
        dir: &str,
        importer: &str,
    ) -> Result<String, EsmError> {
        let Some((name, subpath)) = split_package(specifier) else {
            return Err(error(
                "ERR_INVALID_MODULE_SPECIFIER",
                format!(
                    "Invalid module \"{specifier}\" is not a valid package name imported from {importer}"
                ),
            ));
        };
        if let Some(scope) = self.package_scope(dir)
            && scope.str_field("name") == Some(name.as_str())
            && scope.has("exports")
        {
            return self.esm_exports(&scope, &subpath, importer);
        }
        let mut cur = Some(dir);
        while let Some(d) = cur {
            cur = parent(d);
            if d.ends_with("/node_modules") {
                continue;
            }
            let base = if d == "/" {
                String::new()
            } else {
                d.to_string()
            };
            let pkg_dir = format!("{base}/node_modules/{name}");
            if !matches!(self.stat(&pkg_dir), Some(Kind::Dir)) {
                continue;
            }
            let pkg = self.read_package(&pkg_dir);
            if let Some(pkg) = &pkg
                && pkg.has("exports")
            {
                return self.esm_exports(pkg, &subpath, importer);
            }
            if subpath == "." {
                return self.legacy_main(&pkg_dir, pkg.as_ref(), importer);
            }
            return self.finalize(&join(&pkg_dir, &subpath), specifier, importer);
        }
        Err(error(
            "ERR_MODULE_NOT_FOUND",
            format!("Cannot find package '{name}' imported from {importer}"),
        ))
    }

    fn esm_exports(
        &mut self,
        pkg: &PackageJson,
        subpath: &str,
        importer: &str,
    ) -> Result<String, EsmError> {
        match self.exports_target(pkg, subpath, ESM_CONDITIONS) {
            Ok(file) => self.finalize(&file, &file, importer),
            Err(_) => {
                let e = super::ResolveError::NotExported {
                    subpath: subpath.to_string(),
                    package_json: pkg.path(),
                };
                Err(error(e.code(), e.message("", Some(importer))))
            }
        }
    }

    /// legacyMainResolve: "main" with the old extensions and index files, then the index.
    fn legacy_main(
        &mut self,
        dir: &str,
        pkg: Option<&PackageJson>,
        importer: &str,
    ) -> Result<String, EsmError> {
        let mut candidates = Vec::new();
        if let Some(main) = pkg.and_then(|p| p.str_field("main")) {
            let m = join(dir, main);
            for suffix in [
                "",
                ".js",
                ".json",
                ".node",
                "/index.js",
                "/index.json",
                "/index.node",
            ] {
                candidates.push(format!("{m}{suffix}"));
            }
        }
        for index in ["index.js", "index.json", "index.node"] {
            candidates.push(format!("{dir}/{index}"));
        }
        candidates
            .into_iter()
            .find(|c| self.is_file(c))
            .ok_or_else(|| {
                error(
                    "ERR_MODULE_NOT_FOUND",
                    format!("Cannot find package '{dir}' imported from {importer}"),
                )
            })
    }

    /// get_format: by extension, and for `.js` by the nearest package.json's "type".
    pub fn format_of(&mut self, file: &str) -> Result<Format, EsmError> {
        let name = file.rsplit('/').next().unwrap_or(file);
        let ext = name.rfind('.').map_or("", |i| &name[i..]);
        match ext {
            ".mjs" => Ok(Format::Module),
            ".cjs" => Ok(Format::CommonJs),
            ".json" => Ok(Format::Json),
            ".js" | "" => {
                let dir = parent(file).unwrap_or("/");
                let module = self
                    .package_scope(dir)
                    .is_some_and(|p| p.str_field("type") == Some("module"));
                match (module, ext) {
                    (true, "") => Err(error(
                        "ERR_UNKNOWN_FILE_EXTENSION",
                        format!("Unknown file extension \"\" for {file}"),
                    )),
                    (true, _) => Ok(Format::Module),
                    (false, _) => Ok(Format::CommonJs),
                }
            }
            other => Err(error(
                "ERR_UNKNOWN_FILE_EXTENSION",
                format!("Unknown file extension \"{other}\" for {file}"),
            )),
        }
    }
}
