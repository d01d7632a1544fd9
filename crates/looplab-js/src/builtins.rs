//! The built-in modules' sources, one per name, from the tree under `src/lib/` (build.rs).
include!(concat!(env!("OUT_DIR"), "/builtins.rs"));

/// The source of built-in `name`, if there is one.
pub(crate) fn source(name: &str) -> Option<&'static str> {
    BUILTINS.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// Names a user may `require` (everything but `internal/...`), sorted.
pub(crate) fn public_names() -> Vec<&'static str> {
    BUILTINS
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| !n.starts_with("internal/"))
        .collect()
}
