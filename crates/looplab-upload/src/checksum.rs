//! The checksum extension: `Upload-Checksum: <algorithm> <base64 digest>` per request body.
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha1::Digest;

/// Algorithms the server accepts; sha1 is the one the protocol makes mandatory. crc32 (IEEE, the
/// digest big-endian, as tusd has it) catches a chunk damaged on the way at a small fraction of a
/// cryptographic hash's cost; it does not stand up to someone forging a chunk on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChecksumAlgorithm {
    Sha1,
    Md5,
    Sha256,
    Crc32,
}

impl ChecksumAlgorithm {
    pub const ALL: [Self; 4] = [Self::Sha1, Self::Md5, Self::Sha256, Self::Crc32];

    pub fn name(self) -> &'static str {
        match self {
            Self::Sha1 => "sha1",
            Self::Md5 => "md5",
            Self::Sha256 => "sha256",
            Self::Crc32 => "crc32",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == s)
    }

    /// The comma-separated list for `Tus-Checksum-Algorithm`.
    pub fn header_list() -> String {
        Self::ALL.map(Self::name).join(",")
    }
}

/// Why an `Upload-Checksum` header was refused (the server answers 400).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChecksumError {
    #[error("Upload-Checksum must be `<algorithm> <base64>`")]
    Malformed,
    #[error("unsupported checksum algorithm {0:?}")]
    Unsupported(String),
    #[error("checksum is not valid base64 of the right length")]
    BadDigest,
}

/// The digest a request body is expected to have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checksum {
    pub algorithm: ChecksumAlgorithm,
    pub digest: Vec<u8>,
}

impl Checksum {
    pub fn parse(header: &str) -> Result<Self, ChecksumError> {
        let (alg, b64) = header
            .trim()
            .split_once(' ')
            .ok_or(ChecksumError::Malformed)?;
        let algorithm = ChecksumAlgorithm::parse(alg)
            .ok_or_else(|| ChecksumError::Unsupported(alg.to_owned()))?;
        let digest = STANDARD
            .decode(b64.trim())
            .map_err(|_| ChecksumError::BadDigest)?;
        if digest.len() != Hasher::new(algorithm).finish().len() {
            return Err(ChecksumError::BadDigest);
        }
        Ok(Self { algorithm, digest })
    }

    pub fn of(algorithm: ChecksumAlgorithm, bytes: &[u8]) -> Self {
        let mut h = Hasher::new(algorithm);
        h.update(bytes);
        Self {
            algorithm,
            digest: h.finish(),
        }
    }

    pub fn header_value(&self) -> String {
        format!(
            "{} {}",
            self.algorithm.name(),
            STANDARD.encode(&self.digest)
        )
    }
}

/// An incremental digest, fed as body bytes arrive.
#[derive(Debug, Clone)]
pub enum Hasher {
    Sha1(sha1::Sha1),
    Md5(md5::Md5),
    Sha256(sha2::Sha256),
    Crc32(crc32fast::Hasher),
}

impl Hasher {
    pub fn new(algorithm: ChecksumAlgorithm) -> Self {
        match algorithm {
            ChecksumAlgorithm::Sha1 => Self::Sha1(sha1::Sha1::new()),
            ChecksumAlgorithm::Md5 => Self::Md5(md5::Md5::new()),
            ChecksumAlgorithm::Sha256 => Self::Sha256(sha2::Sha256::new()),
            ChecksumAlgorithm::Crc32 => Self::Crc32(crc32fast::Hasher::new()),
        }
    }

    pub fn update(&mut self, bytes: &[u8]) {
        match self {
            Self::Sha1(h) => h.update(bytes),
            Self::Md5(h) => h.update(bytes),
            Self::Sha256(h) => h.update(bytes),
            Self::Crc32(h) => h.update(bytes),
        }
    }

    pub fn finish(self) -> Vec<u8> {
        match self {
            Self::Sha1(h) => h.finalize().to_vec(),
            Self::Md5(h) => h.finalize().to_vec(),
            Self::Sha256(h) => h.finalize().to_vec(),
            Self::Crc32(h) => h.finalize().to_be_bytes().to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_verifies_known_digests() {
        // sha1("hello") and md5("hello"), base64.
        let c = Checksum::parse("sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=").unwrap();
        assert_eq!(c, Checksum::of(ChecksumAlgorithm::Sha1, b"hello"));
        let c = Checksum::parse("md5 XUFAKrxLKna5cZ2REBfFkg==").unwrap();
        assert_eq!(c, Checksum::of(ChecksumAlgorithm::Md5, b"hello"));
        // crc32("hello") = 0x3610a686.
        let c = Checksum::parse("crc32 NhCmhg==").unwrap();
        assert_eq!(c, Checksum::of(ChecksumAlgorithm::Crc32, b"hello"));
        let c = Checksum::of(ChecksumAlgorithm::Sha256, b"hello");
        assert_eq!(Checksum::parse(&c.header_value()).unwrap(), c);
    }

    #[test]
    fn rejects_bad_headers() {
        assert_eq!(Checksum::parse("sha1"), Err(ChecksumError::Malformed));
        assert_eq!(
            Checksum::parse("blake3 AAAA"),
            Err(ChecksumError::Unsupported("blake3".into()))
        );
        assert_eq!(Checksum::parse("sha1 !!!"), Err(ChecksumError::BadDigest));
        assert_eq!(Checksum::parse("sha1 AAAA"), Err(ChecksumError::BadDigest));
    }
}
