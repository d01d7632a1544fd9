//! Which copy of a static file to send: `Accept-Encoding` against the copies on disk
//! (`x.wasm.br`, `x.wasm.gz`, made by `cargo xtask build`), as RFC 9110 §12.5.3 says.
//!
//! The client's weights decide; among equal weights brotli goes first (smallest), then gzip,
//! then the file as it is. A coding the client gives `q=0` is never sent, nor is the file as it
//! is after `identity;q=0` (or `*;q=0` with no word on identity).

/// A content coding `looplab serve` can send, in order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentCoding {
    Brotli,
    Gzip,
    Identity,
}

impl ContentCoding {
    /// Most preferred first.
    pub const PREFERENCE: [Self; 3] = [Self::Brotli, Self::Gzip, Self::Identity];

    /// The token in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Self::Brotli => "br",
            Self::Gzip => "gzip",
            Self::Identity => "identity",
        }
    }

    /// What the precompressed copy's name adds to the file's (`None`: the file itself).
    pub fn file_suffix(self) -> Option<&'static str> {
        match self {
            Self::Brotli => Some(".br"),
            Self::Gzip => Some(".gz"),
            Self::Identity => None,
        }
    }
}

/// The coding to send, given the request's `Accept-Encoding` values (all of its header lines;
/// none: the client said nothing) and whether a copy exists in each coding; `None` when the
/// client accepts none of them (answered 406).
pub fn negotiate(
    accept_encoding: &[&str],
    available: impl Fn(ContentCoding) -> bool,
) -> Option<ContentCoding> {
    // No header: the client may not decode anything, so it gets the file as it is (curl
    // without --compressed sends none and writes out what it gets).
    if accept_encoding.is_empty() {
        return Some(ContentCoding::Identity);
    }
    let weights = Weights::parse(accept_encoding);
    let mut best: Option<(ContentCoding, u16)> = None;
    for coding in ContentCoding::PREFERENCE {
        if !available(coding) {
            continue;
        }
        let q = weights.of(coding);
        if q > 0 && best.is_none_or(|(_, top)| q > top) {
            best = Some((coding, q));
        }
    }
    best.map(|(coding, _)| coding)
}

/// The weights an `Accept-Encoding` gives, in thousandths (`q=0.5` is 500).
#[derive(Debug, Default)]
struct Weights {
    listed: Vec<(String, u16)>,
    star: Option<u16>,
}

impl Weights {
    fn parse(values: &[&str]) -> Self {
        let mut w = Self::default();
        for element in values.iter().flat_map(|v| v.split(',')) {
            let mut parts = element.split(';');
            let token = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            if token.is_empty() {
                continue;
            }
            let mut q = Some(1000);
            for param in parts {
                if let Some((name, value)) = param.split_once('=')
                    && name.trim().eq_ignore_ascii_case("q")
                {
                    q = parse_qvalue(value.trim());
                }
            }
            // A malformed weight makes the element meaningless: skip it rather than guess.
            let Some(q) = q else { continue };
            if token == "*" {
                w.star = Some(q);
            } else {
                w.listed.push((token, q));
            }
        }
        w
    }

    fn of(&self, coding: ContentCoding) -> u16 {
        let listed = |token: &str| {
            self.listed
                .iter()
                .filter(|(t, _)| t == token)
                .map(|&(_, q)| q)
                .max()
        };
        // `x-gzip` is gzip (RFC 9110 §8.4.1.3).
        let explicit = match coding {
            ContentCoding::Gzip => listed("gzip").max(listed("x-gzip")),
            other => listed(other.token()),
        };
        match (explicit, coding) {
            (Some(q), _) => q,
            (None, ContentCoding::Identity) => match self.star {
                Some(0) => 0,
                // Always acceptable unless excluded, but below any coding the client named.
                _ => 1,
            },
            (None, _) => self.star.unwrap_or(0),
        }
    }
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
fn parse_qvalue(s: &str) -> Option<u16> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{frac:0<3}").parse().ok()?;
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ContentCoding::*;

    #[test]
    fn qvalues() {
        assert_eq!(parse_qvalue("0"), Some(0));
        assert_eq!(parse_qvalue("0.5"), Some(500));
        assert_eq!(parse_qvalue("0.001"), Some(1));
        assert_eq!(parse_qvalue("1.000"), Some(1000));
        for bad in ["1.5", "2", "0.0001", "-1", "", "0.a", ".5"] {
            assert_eq!(parse_qvalue(bad), None, "{bad}");
        }
    }

    #[test]
    fn weights_decide_and_star_covers_the_rest() {
        let all = |_| true;
        assert_eq!(negotiate(&["gzip;q=1, br;q=0.5"], all), Some(Gzip));
        assert_eq!(negotiate(&["*"], all), Some(Brotli));
        assert_eq!(negotiate(&["*;q=0.1, gzip"], all), Some(Gzip));
        assert_eq!(negotiate(&["x-gzip"], all), Some(Gzip));
        assert_eq!(negotiate(&["GZIP;Q=0.3, BR;Q=0.2"], all), Some(Gzip));
        // Repeated header lines count together.
        assert_eq!(negotiate(&["gzip", "br"], all), Some(Brotli));
    }

    #[test]
    fn identity_is_excluded_only_when_said() {
        let all = |_| true;
        assert_eq!(negotiate(&["compress"], all), Some(Identity));
        assert_eq!(negotiate(&["identity;q=0, gzip;q=0"], all), None);
        assert_eq!(negotiate(&["*;q=0"], all), None);
        assert_eq!(negotiate(&["*;q=0, identity"], all), Some(Identity));
        assert_eq!(negotiate(&["br;q=0, *;q=0"], |c| c != Gzip), None);
    }

    #[test]
    fn a_malformed_weight_drops_its_element() {
        assert_eq!(negotiate(&["br;q=2, gzip"], |_| true), Some(Gzip));
    }
}
