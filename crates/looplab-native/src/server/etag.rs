//! Entity tags for static files and the `If-None-Match` check (RFC 9110 §8.8.3, §13.1.2).
//!
//! A tag is made of the file's length and modification time, as nginx and Caddy make theirs:
//! no read of the file, and a rebuilt file gets a new tag. The coding is part of it, since a
//! brotli and a gzip copy are different representations of the one URL.
use std::fs::Metadata;
use std::time::UNIX_EPOCH;

use super::content_coding::ContentCoding;

/// The strong tag (`"…"`, quotes included) of `meta`'s file sent in `coding`.
pub fn etag(meta: &Metadata, coding: ContentCoding) -> String {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .unwrap_or_default();
    let suffix = match coding {
        ContentCoding::Identity => String::new(),
        other => format!("-{}", other.token()),
    };
    format!(
        "\"{:x}-{:x}.{:x}{suffix}\"",
        meta.len(),
        modified.as_secs(),
        modified.subsec_nanos()
    )
}

/// True when an `If-None-Match` (all its header lines) names `etag` or is `*`: the client's
/// copy is current, so the answer is 304. Weak comparison, as this header asks: `W/"x"`
/// matches `"x"`.
pub fn none_match_hits(if_none_match: &[&str], etag: &str) -> bool {
    let ours = etag.trim_start_matches("W/");
    if_none_match
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == ours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_by_weak_comparison() {
        let tag = "\"1a-5f.0-br\"";
        assert!(none_match_hits(&[tag], tag));
        assert!(none_match_hits(&["W/\"1a-5f.0-br\""], tag));
        assert!(none_match_hits(&["\"x\", \"1a-5f.0-br\""], tag));
        assert!(none_match_hits(&["\"x\"", "\"1a-5f.0-br\""], tag));
        assert!(none_match_hits(&["*"], tag));
        assert!(!none_match_hits(&["\"1a-5f.0\""], tag));
        assert!(!none_match_hits(&[], tag));
    }

    #[test]
    fn each_coding_has_its_own_tag() {
        let meta = std::fs::metadata(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
        let identity = etag(&meta, ContentCoding::Identity);
        let br = etag(&meta, ContentCoding::Brotli);
        assert!(identity.starts_with('"') && identity.ends_with('"'));
        assert_ne!(identity, br);
        assert_eq!(identity, etag(&meta, ContentCoding::Identity));
    }
}
