//! Node's report of an import that names an export its module does not have
//! (lib/internal/modules/esm/module_job.js `_instantiate`): the engine says only which name is
//! missing; Node names the importing line, the module, and for CommonJS how to import it instead.
use boa_engine::{Context, JsError};

use super::{Loader, file_url};
use crate::resolve::esm::Format;

/// An import or re-export of `name` in `source`: (line number, line text, column of the name,
/// the specifier, the `{...}` text).
fn find_import(source: &str, name: &str) -> Option<(usize, String, usize, String, String)> {
    for (i, line) in source.lines().enumerate() {
        let trimmed = line.trim_start();
        if !(trimmed.starts_with("import") || trimmed.starts_with("export")) {
            continue;
        }
        let (Some(open), Some(close)) = (line.find('{'), line.find('}')) else {
            continue;
        };
        if close < open {
            continue;
        }
        let inside = &line[open + 1..close];
        let mut offset = open + 1;
        for entry in inside.split(',') {
            let imported = entry.split_whitespace().next().unwrap_or("");
            if imported == name {
                let column = offset + entry.find(name).unwrap_or(0);
                let rest = &line[close..];
                let quote = rest.find(['\'', '"'])?;
                let q = rest.as_bytes()[quote] as char;
                let spec_start = quote + 1;
                let spec_len = rest[spec_start..].find(q)?;
                let spec = rest[spec_start..spec_start + spec_len].to_string();
                return Some((
                    i + 1,
                    line.to_string(),
                    column,
                    spec,
                    line[open..=close].to_string(),
                ));
            }
            offset += entry.len() + 1;
        }
    }
    None
}

/// Node's SyntaxError for a link failure, when the engine's error is a missing export.
pub fn explain(loader: &Loader, error: JsError, context: &mut Context) -> JsError {
    let message = error
        .as_native()
        .map(|n| n.message().to_string())
        .unwrap_or_default();
    let Some(name) = message
        .strip_prefix("could not find export `")
        .and_then(|m| m.strip_suffix('`'))
    else {
        return error;
    };
    let importers: Vec<String> = loader.source_text_paths();
    for path in importers {
        let Ok(bytes) = loader.host.borrow().vfs.read(&path) else {
            continue;
        };
        let source = String::from_utf8_lossy(&bytes).into_owned();
        let Some((line_no, line, column, spec, braces)) = find_import(&source, name) else {
            continue;
        };
        let target_is_cjs = loader
            .resolve_quietly(&spec, &path)
            .is_some_and(|f| f == Format::CommonJs);
        let text = if target_is_cjs {
            let destructuring = braces.split(" as ").collect::<Vec<_>>().join(": ");
            format!(
                "Named export '{name}' not found. The requested module '{spec}' is a CommonJS module, which may not support all module.exports as named exports.\nCommonJS modules can always be imported via the default export, for example using:\n\nimport pkg from '{spec}';\nconst {destructuring} = pkg;\n"
            )
        } else {
            format!("The requested module '{spec}' does not provide an export named '{name}'")
        };
        let header = format!(
            "{}:{line_no}\n{line}\n{}{}",
            file_url(&path),
            " ".repeat(column),
            "^".repeat(name.len())
        );
        return loader.hook_error("linkError", &[&text, &header], context);
    }
    error
}

#[cfg(test)]
mod tests {
    use super::find_import;

    #[test]
    fn finds_the_importing_line() {
        let src = "import x from './x.mjs';\nimport { a, nope as n } from \"./a.mjs\";\n";
        let (line, _, column, spec, braces) = find_import(src, "nope").unwrap();
        assert_eq!((line, column, spec.as_str()), (2, 12, "./a.mjs"));
        assert_eq!(braces, "{ a, nope as n }");
    }
}
