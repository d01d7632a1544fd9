//! Stamps: a fingerprint of a step's inputs, written after the step succeeds, so a re-run with
//! the same inputs can skip it.
use std::fs;
use std::path::Path;

/// FNV-1a over all parts: stable across Rust versions, unlike `DefaultHasher`.
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.iter().chain(&(part.len() as u64).to_le_bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// True when `stamp` holds `fingerprint` from an earlier successful run.
pub fn is_fresh(stamp: &Path, fingerprint: &str) -> bool {
    fs::read_to_string(stamp).is_ok_and(|s| s.trim() == fingerprint)
}

pub fn write(stamp: &Path, fingerprint: &str) -> std::io::Result<()> {
    if let Some(dir) = stamp.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(stamp, fingerprint)
}
