//! Upload ids: random, and validated so that an id can never name a path outside the store.
use core::fmt;

/// 128 random bits as 32 lowercase hex digits. Nothing else parses, so `..`, `/` and
/// percent-escapes never reach a file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UploadId([u8; 16]);

impl UploadId {
    /// From 16 random bytes the caller drew (the library has no entropy source of its own).
    pub const fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    /// Parses exactly 32 lowercase hex digits.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.as_bytes();
        if s.len() != 32 {
            return None;
        }
        let mut out = [0u8; 16];
        for (i, pair) in s.chunks(2).enumerate() {
            out[i] = (hex(pair[0])? << 4) | hex(pair[1])?;
        }
        Some(Self(out))
    }
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

impl fmt::Display for UploadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl serde::Serialize for UploadId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for UploadId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).ok_or_else(|| serde::de::Error::custom("invalid upload id"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_paths() {
        let id = UploadId::from_bytes([0xab; 16]);
        assert_eq!(UploadId::parse(&id.to_string()), Some(id));
        for bad in [
            "",
            "..",
            "../../etc/passwd",
            "ABABABABABABABABABABABABABABABAB",
            "%2e%2e",
            "abababababababababababababababab/",
        ] {
            assert_eq!(UploadId::parse(bad), None, "{bad}");
        }
    }
}
