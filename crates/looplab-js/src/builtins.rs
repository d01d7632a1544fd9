//! The built-in modules' sources: the host's own (`src/js/`) win over Node's library (`src/lib/`).
include!(concat!(env!("OUT_DIR"), "/builtins.rs"));

/// The source of built-in `name`, if there is one.
pub(crate) fn source(name: &str) -> Option<&'static str> {
    HOST.iter()
        .chain(LIB.iter())
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
}

/// Names a user may `require` (everything but `internal/...`).
pub(crate) fn public_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = HOST
        .iter()
        .chain(LIB.iter())
        .map(|(n, _)| *n)
        .filter(|n| !n.starts_with("internal/"))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}
