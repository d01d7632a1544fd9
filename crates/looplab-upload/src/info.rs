//! The small record kept beside each upload's bytes.
use crate::{Instant, Metadata, UploadId};

/// What an upload is for the concatenation extension.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concat {
    #[default]
    None,
    /// A part, to be concatenated later; never complete on its own.
    Partial,
    /// The concatenation of these parts, in order; already complete.
    Final(Vec<UploadId>),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UploadInfo {
    pub id: UploadId,
    /// `None` while the length is deferred (`Upload-Defer-Length: 1`).
    pub length: Option<u64>,
    /// Bytes stored and made durable; the only offset the server reports.
    pub offset: u64,
    #[serde(default)]
    pub metadata: Metadata,
    pub created_at: Instant,
    /// Unfinished uploads expire; finished ones are kept.
    #[serde(default)]
    pub expires_at: Option<Instant>,
    #[serde(default)]
    pub concat: Concat,
}

impl UploadInfo {
    pub fn is_complete(&self) -> bool {
        self.length == Some(self.offset)
    }

    pub fn is_expired(&self, now: Instant) -> bool {
        !self.is_complete() && self.expires_at.is_some_and(|t| now >= t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_round_trip() {
        let mut metadata = Metadata::default();
        metadata.insert("filename", b"a.bin");
        let info = UploadInfo {
            id: UploadId::from_bytes([1; 16]),
            length: Some(10),
            offset: 4,
            metadata,
            created_at: Instant(5),
            expires_at: Some(Instant(9)),
            concat: Concat::Final(vec![UploadId::from_bytes([2; 16])]),
        };
        let json = serde_json::to_string(&info).unwrap();
        assert_eq!(serde_json::from_str::<UploadInfo>(&json).unwrap(), info);
        assert!(info.is_expired(Instant(9)) && !info.is_expired(Instant(8)));
    }
}
