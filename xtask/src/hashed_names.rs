//! Content-hashed file names for the page: `style.css` becomes `style-0123456789abcdef.css`,
//! so a host can let browsers keep it for a year (a new build is a new name), and the page's
//! entry (index.html, never hashed, always revalidated) names the build it belongs to.
//!
//! A file is hashed when the entry reaches it through references, and a file that names others
//! is hashed after its references are rewritten (the JS glue names the wasm, so the glue's hash
//! covers the wasm's). `looplab serve` gives `<stem>-<16 hex digits>.<ext>` its long cache
//! lifetime by that shape alone.
use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Result, bail};
use sha2::{Digest, Sha256};

/// Hex digits of SHA-256 kept in a name: 64 bits, as many as a cache-busting name needs.
const HASH_DIGITS: usize = 16;

/// Files that may name others: only these are searched and rewritten.
fn is_text(name: &str) -> bool {
    [".html", ".js", ".mjs", ".css"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// The page as it goes out: every file by its published name.
#[derive(Debug)]
pub struct Published {
    pub files: BTreeMap<String, Vec<u8>>,
    /// Original name → hashed name, for the files that were hashed.
    pub renamed: BTreeMap<String, String>,
}

/// Hashes every file `entry` reaches, rewrites references to them, and returns all files
/// (those the entry does not reach keep their names, e.g. one a browser asks for by name).
pub fn publish(files: BTreeMap<String, Vec<u8>>, entry: &str) -> Result<Published> {
    if !files.contains_key(entry) {
        bail!("the page has no {entry}");
    }
    let names: Vec<&String> = files.keys().collect();
    let refs: BTreeMap<&str, BTreeSet<&str>> = files
        .iter()
        .map(|(name, bytes)| {
            let found = if is_text(name) {
                let text = String::from_utf8_lossy(bytes);
                names
                    .iter()
                    .filter(|other| {
                        other.as_str() != name.as_str() && !find_refs(&text, other).is_empty()
                    })
                    .map(|other| other.as_str())
                    .collect()
            } else {
                BTreeSet::new()
            };
            (name.as_str(), found)
        })
        .collect();
    let reached = reachable(&refs, entry);

    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    let mut out: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    // Leaves first: a file is rewritten and hashed once everything it names has its new name.
    let mut left: BTreeSet<&str> = reached.iter().copied().filter(|n| *n != entry).collect();
    while !left.is_empty() {
        let ready: Vec<&str> = left
            .iter()
            .copied()
            .filter(|n| refs[n].iter().all(|r| !left.contains(r)))
            .collect();
        if ready.is_empty() {
            bail!("these files name each other in a cycle, so none can be hashed first: {left:?}");
        }
        for name in ready {
            let bytes = rewrite(&files[name], name, &renamed);
            let hashed = hashed_name(name, &bytes);
            renamed.insert(name.to_owned(), hashed.clone());
            out.insert(hashed, bytes);
            left.remove(name);
        }
    }
    for (name, bytes) in &files {
        if !renamed.contains_key(name) {
            out.insert(name.clone(), rewrite(bytes, name, &renamed));
        }
    }
    Ok(Published {
        files: out,
        renamed,
    })
}

/// `name-<hash>.ext`: the hash of the bytes as published.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest
        .iter()
        .flat_map(|b| [b >> 4, b & 15])
        .take(HASH_DIGITS)
        .map(|d| char::from_digit(u32::from(d), 16).expect("a nibble"))
        .collect();
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{hex}.{ext}"),
        None => format!("{name}-{hex}"),
    }
}

fn reachable<'a>(refs: &BTreeMap<&'a str, BTreeSet<&'a str>>, entry: &'a str) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::from([entry]);
    let mut todo = vec![entry];
    while let Some(name) = todo.pop() {
        for &next in &refs[name] {
            if seen.insert(next) {
                todo.push(next);
            }
        }
    }
    seen
}

/// Byte offsets where `text` names the file `name`: as a whole URL or the last segment of a
/// relative one (`"style.css"`, `'./x.js'`, `url(a.svg)`, `x.wasm?v=1`), never as a part of a
/// longer name (`my_style.css`, `style.css.map`).
fn find_refs(text: &str, name: &str) -> Vec<usize> {
    let before_ok = |c: Option<char>| matches!(c, Some('"' | '\'' | '`' | '/' | '(' | '=' | ' '));
    let after_ok =
        |c: Option<char>| matches!(c, Some('"' | '\'' | '`' | ')' | '?' | '#' | ' ' | '>'));
    text.match_indices(name)
        .map(|(at, _)| at)
        .filter(|&at| {
            before_ok(text[..at].chars().next_back())
                && after_ok(text[at + name.len()..].chars().next())
        })
        .collect()
}

/// `bytes` with every reference to a renamed file replaced by its new name (text files only).
fn rewrite(bytes: &[u8], name: &str, renamed: &BTreeMap<String, String>) -> Vec<u8> {
    if !is_text(name) || renamed.is_empty() {
        return bytes.to_vec();
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return bytes.to_vec();
    };
    let mut edits: Vec<(usize, &str, &str)> = renamed
        .iter()
        .flat_map(|(from, to)| {
            find_refs(text, from)
                .into_iter()
                .map(move |at| (at, from.as_str(), to.as_str()))
        })
        .collect();
    edits.sort_unstable();
    let mut out = String::with_capacity(text.len() + edits.len() * (HASH_DIGITS + 1));
    let mut done = 0;
    for (at, from, to) in edits {
        if at < done {
            continue; // inside a longer name already replaced
        }
        out.push_str(&text[done..at]);
        out.push_str(to);
        done = at + from.len();
    }
    out.push_str(&text[done..]);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(files: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        files
            .iter()
            .map(|(n, b)| (n.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn names_carry_the_hash_of_the_bytes() {
        let a = hashed_name("app_bg.wasm", b"one");
        assert!(a.starts_with("app_bg-") && a.ends_with(".wasm"), "{a}");
        assert_eq!(a.len(), "app_bg-.wasm".len() + HASH_DIGITS);
        assert_ne!(a, hashed_name("app_bg.wasm", b"two"));
        assert_eq!(a, hashed_name("app_bg.wasm", b"one"));
    }

    #[test]
    fn rewrites_references_leaves_first() {
        let p = publish(
            page(&[
                (
                    "index.html",
                    r#"<link href="style.css"><script type="module">import init from "./app.js";</script>"#,
                ),
                ("app.js", "fetch(new URL('app_bg.wasm', import.meta.url))"),
                ("app_bg.wasm", "\0asm"),
                ("style.css", "body{}"),
                ("robots.txt", "User-agent: *"),
            ]),
            "index.html",
        )
        .unwrap();
        let wasm = &p.renamed["app_bg.wasm"];
        let glue = &p.renamed["app.js"];
        let css = &p.renamed["style.css"];
        assert!(!p.renamed.contains_key("robots.txt"), "nothing names it");
        assert!(p.files.contains_key("robots.txt"));
        let js = String::from_utf8(p.files[glue].clone()).unwrap();
        assert_eq!(js, format!("fetch(new URL('{wasm}', import.meta.url))"));
        // The glue's name covers the wasm's: a new wasm gives a new glue name.
        assert_eq!(glue, &hashed_name("app.js", js.as_bytes()));
        let html = String::from_utf8(p.files["index.html"].clone()).unwrap();
        assert!(html.contains(&format!(r#"href="{css}""#)), "{html}");
        assert!(html.contains(&format!(r#"from "./{glue}""#)), "{html}");
        assert!(!p.files.contains_key("app.js"));
    }

    #[test]
    fn a_longer_name_is_not_a_reference() {
        let text = r#"a "my_style.css" b "style.css.map" c "style.css" d url(style.css)"#;
        let found = find_refs(text, "style.css");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_cycle_is_an_error() {
        let files = page(&[
            ("index.html", r#"<script src="a.js"></script>"#),
            ("a.js", r#"import "./b.js";"#),
            ("b.js", r#"import "./a.js";"#),
        ]);
        assert!(publish(files, "index.html").is_err());
    }
}
