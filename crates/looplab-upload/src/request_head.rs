//! An HTTP/1.1 request head as the server reads it: the request line and headers (httparse),
//! and how the body is framed. Strict where two readers could disagree (a proxy in front and
//! this server), since a request one of them frames differently smuggles another behind it.
use crate::{Headers, Method, Request, parse_u64};

/// Most header lines a request may have (431 above it).
pub const MAX_HEADERS: usize = 64;

/// How a request body is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    Length(u64),
    Chunked,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestHead {
    pub request: Request,
    pub framing: Framing,
    /// The client waits for `100 Continue` before sending the body.
    pub expect_continue: bool,
    /// The client asked to close (or spoke HTTP/1.0).
    pub close: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeadError {
    #[error("request head too large")]
    TooLarge,
    #[error("{0}")]
    Malformed(&'static str),
}

/// Parses a whole head, up to and including its empty line.
pub fn parse_request_head(raw: &[u8]) -> Result<RequestHead, HeadError> {
    let mut storage = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut storage);
    match req.parse(raw) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => {
            return Err(HeadError::Malformed("incomplete request head"));
        }
        Err(httparse::Error::TooManyHeaders) => return Err(HeadError::TooLarge),
        Err(_) => return Err(HeadError::Malformed("malformed request head")),
    }
    let (Some(method), Some(path), Some(version)) = (req.method, req.path, req.version) else {
        return Err(HeadError::Malformed("malformed request line"));
    };
    let mut headers = Headers::new();
    for h in req.headers.iter() {
        let value = core::str::from_utf8(h.value)
            .map_err(|_| HeadError::Malformed("header value is not UTF-8"))?;
        headers.0.push((h.name.to_owned(), value.trim().to_owned()));
    }
    let framing = framing(&headers)?;
    let connection = headers
        .get("Connection")
        .unwrap_or_default()
        .to_ascii_lowercase();
    Ok(RequestHead {
        expect_continue: headers
            .get("Expect")
            .is_some_and(|e| e.eq_ignore_ascii_case("100-continue")),
        close: version == 0 || connection.contains("close"),
        request: Request {
            method: Method::parse(method),
            path: path.to_owned(),
            headers,
        },
        framing,
    })
}

/// Only `chunked` or one `Content-Length`. Two Transfer-Encoding headers are refused rather
/// than read one way: a proxy that reads the other one (or joins them) sees another body.
fn framing(headers: &Headers) -> Result<Framing, HeadError> {
    let lengths = headers.count("Content-Length");
    match headers.count("Transfer-Encoding") {
        0 => {}
        1 if headers
            .get("Transfer-Encoding")
            .is_some_and(|te| te.eq_ignore_ascii_case("chunked")) =>
        {
            return match lengths {
                0 => Ok(Framing::Chunked),
                _ => Err(HeadError::Malformed(
                    "both Transfer-Encoding and Content-Length",
                )),
            };
        }
        1 => {
            return Err(HeadError::Malformed(
                "only chunked Transfer-Encoding is supported",
            ));
        }
        _ => return Err(HeadError::Malformed("repeated Transfer-Encoding")),
    }
    match (lengths, headers.get("Content-Length")) {
        (0, _) => Ok(Framing::Length(0)),
        (1, Some(v)) => parse_u64(v)
            .map(Framing::Length)
            .ok_or(HeadError::Malformed("bad Content-Length")),
        _ => Err(HeadError::Malformed("repeated Content-Length")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(raw: &str) -> Result<RequestHead, HeadError> {
        parse_request_head(raw.as_bytes())
    }

    #[test]
    fn reads_method_path_headers_and_framing() {
        let h =
            parse("PATCH /files/a HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
                .unwrap();
        assert_eq!(
            (h.request.method, h.request.path.as_str()),
            (Method::Patch, "/files/a")
        );
        assert_eq!(
            (h.framing, h.expect_continue, h.close),
            (Framing::Length(5), true, false)
        );
        let h = parse("POST / HTTP/1.0\r\nTransfer-Encoding: Chunked\r\n\r\n").unwrap();
        assert_eq!((h.framing, h.close), (Framing::Chunked, true));
    }

    #[test]
    fn framing_two_readers_could_disagree_on_is_refused() {
        for raw in [
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: +3\r\n\r\n",
        ] {
            assert!(
                matches!(parse(raw), Err(HeadError::Malformed(_))),
                "{raw:?}"
            );
        }
    }

    fn header_line() -> impl Strategy<Value = String> {
        let name = prop_oneof![
            Just("Content-Length"),
            Just("Transfer-Encoding"),
            Just("Connection"),
            Just("Expect"),
            Just("Upload-Offset"),
            Just("X-Other"),
        ];
        let value = prop_oneof![
            Just("chunked".to_owned()),
            Just("close".to_owned()),
            Just("100-continue".to_owned()),
            (0..1000u64).prop_map(|n| n.to_string()),
            "[ -~]{0,12}",
        ];
        (name, value).prop_map(|(n, v)| format!("{n}: {v}\r\n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any bytes: a head or an error, never a panic.
        #[test]
        fn arbitrary_bytes_never_panic(raw in prop::collection::vec(any::<u8>(), 0..400)) {
            let _ = parse_request_head(&raw);
        }

        /// A head that parses has the framing its headers state, and only one.
        #[test]
        fn framing_follows_the_headers(
            method in "[A-Z]{1,7}",
            path in "/[!-~]{0,20}",
            lines in prop::collection::vec(header_line(), 0..6),
        ) {
            let raw = format!("{method} {path} HTTP/1.1\r\n{}\r\n", lines.concat());
            let Ok(head) = parse_request_head(raw.as_bytes()) else { return Ok(()) };
            let h = &head.request.headers;
            prop_assert_eq!(&head.request.path, &path);
            prop_assert!(h.count("Transfer-Encoding") <= 1 && h.count("Content-Length") <= 1);
            match head.framing {
                Framing::Chunked => prop_assert_eq!(h.get("Transfer-Encoding"), Some("chunked")),
                Framing::Length(n) => {
                    prop_assert_eq!(h.count("Transfer-Encoding"), 0);
                    prop_assert_eq!(h.get("Content-Length").map_or(Some(0), parse_u64), Some(n));
                }
            }
        }
    }
}
