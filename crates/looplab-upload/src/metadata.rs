//! `Upload-Metadata`: comma-separated `key base64value` pairs (value optional).
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Metadata(pub Vec<(String, Vec<u8>)>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed Upload-Metadata: {0}")]
pub struct MetadataError(&'static str);

impl Metadata {
    pub fn parse(header: &str) -> Result<Self, MetadataError> {
        let mut pairs: Vec<(String, Vec<u8>)> = Vec::new();
        for item in header.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let mut it = item.split(' ');
            let key = it.next().unwrap_or_default();
            let value = it.next().unwrap_or_default();
            if it.next().is_some() {
                return Err(MetadataError("more than one space in a pair"));
            }
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_graphic() && c != ',') {
                return Err(MetadataError("key must be non-empty printable ASCII"));
            }
            if pairs.iter().any(|(k, _)| k == key) {
                return Err(MetadataError("duplicate key"));
            }
            let value = STANDARD
                .decode(value)
                .map_err(|_| MetadataError("value is not base64"))?;
            pairs.push((key.to_owned(), value));
        }
        Ok(Self(pairs))
    }

    pub fn get(&self, key: &str) -> Option<&[u8]> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_slice())
    }

    pub fn insert(&mut self, key: &str, value: &[u8]) {
        self.0.retain(|(k, _)| k != key);
        self.0.push((key.to_owned(), value.to_vec()));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn header_value(&self) -> String {
        let pairs: Vec<String> = self
            .0
            .iter()
            .map(|(k, v)| {
                if v.is_empty() {
                    k.clone()
                } else {
                    format!("{k} {}", STANDARD.encode(v))
                }
            })
            .collect();
        pairs.join(",")
    }
}

// Stored as its header form: short, readable in an info record.
impl serde::Serialize for Metadata {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.header_value())
    }
}

impl<'de> serde::Deserialize<'de> for Metadata {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let m = Metadata::parse("filename d29ybGRfZG9taW5hdGlvbl9wbGFuLnBkZg==,is_confidential")
            .unwrap();
        assert_eq!(m.get("filename"), Some(&b"world_domination_plan.pdf"[..]));
        assert_eq!(m.get("is_confidential"), Some(&b""[..]));
        assert_eq!(Metadata::parse(&m.header_value()).unwrap(), m);
    }

    #[test]
    fn rejects_garbage() {
        assert!(Metadata::parse("a b c").is_err());
        assert!(Metadata::parse("a !!!").is_err());
        assert!(Metadata::parse("a,a").is_err());
    }
}
