//! The chunked decoder: what it accepts, what it refuses, and property tests that it never
//! panics and gives back exactly what was encoded, however the input is cut.
use super::*;
use proptest::prelude::*;

/// Decodes a whole body fed in pieces of at most `step` bytes; the data and the bytes left
/// after the body.
fn decode(input: &[u8], step: usize) -> Result<(Vec<u8>, usize), ChunkedError> {
    let mut d = ChunkedDecoder::new();
    let (mut out, mut at) = (Vec::new(), 0);
    while !d.is_done() && at < input.len() {
        let piece = &input[at..input.len().min(at + step.max(1))];
        let data = d.data_left().min(piece.len() as u64) as usize;
        if data > 0 {
            out.extend_from_slice(&piece[..data]);
            d.took_data(data as u64);
            at += data;
        } else {
            let used = d.framing(piece)?;
            assert!(used <= piece.len());
            assert!(used > 0 || d.is_done() || d.data_left() > 0, "no progress");
            at += used;
        }
    }
    assert!(d.is_done(), "body not over after {at} bytes");
    Ok((out, input.len() - at))
}

fn err(input: &str) -> ChunkedError {
    decode(input.as_bytes(), 4096).expect_err(input)
}

#[test]
fn decodes_sizes_extensions_and_trailers() {
    let body = "3\r\nabc\r\nA ; name=\"v\"\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\nNEXT";
    for step in [1, 2, 7, 4096] {
        let (data, rest) = decode(body.as_bytes(), step).unwrap();
        assert_eq!((data.as_slice(), rest), (&b"abc0123456789"[..], 4));
    }
}

#[test]
fn refuses_what_a_proxy_could_read_otherwise() {
    assert_eq!(err("+3\r\nabc\r\n0\r\n\r\n"), ChunkedError::Size);
    assert_eq!(err("0x3\r\nabc\r\n0\r\n\r\n"), ChunkedError::Size);
    assert_eq!(err(" 3\r\nabc\r\n0\r\n\r\n"), ChunkedError::Size);
    assert_eq!(err("-0\r\n\r\n"), ChunkedError::Size);
    assert_eq!(err("\r\n"), ChunkedError::Size);
    assert_eq!(err("10000000000000000\r\n"), ChunkedError::Size);
    assert_eq!(err("3\r\nabcX\n0\r\n\r\n"), ChunkedError::DataEnd);
    assert_eq!(err("3\r\nabc\n0\r\n\r\n"), ChunkedError::DataEnd);
    assert_eq!(err("3\nabc\r\n0\r\n\r\n"), ChunkedError::LineEnd);
    assert_eq!(err("3\r\nabc\r\n0\r\n\n"), ChunkedError::LineEnd);
    assert_eq!(err("3;a\rb\r\nabc\r\n0\r\n\r\n"), ChunkedError::LineEnd);
    let long = format!("3;{}\r\nabc\r\n0\r\n\r\n", "x".repeat(MAX_SIZE_LINE));
    assert_eq!(err(&long), ChunkedError::TooLong);
    let trailers = format!("0\r\n{}\r\n", "X-T: 1\r\n".repeat(MAX_TRAILERS / 8 + 1));
    assert_eq!(err(&trailers), ChunkedError::TooLong);
}

/// Encodes `data` in chunks of the given sizes (the rest in one more), with an extension on
/// some of them.
fn encode(data: &[u8], sizes: &[usize], ext: bool) -> Vec<u8> {
    let (mut out, mut at) = (Vec::new(), 0);
    for &n in sizes.iter().chain([&usize::MAX]) {
        let n = n.min(data.len() - at);
        if n == 0 {
            continue;
        }
        let e = if ext && n % 2 == 0 { " ;e=1" } else { "" };
        out.extend_from_slice(format!("{n:x}{e}\r\n").as_bytes());
        out.extend_from_slice(&data[at..at + n]);
        out.extend_from_slice(b"\r\n");
        at += n;
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// What is encoded comes back byte for byte, however the input arrives.
    #[test]
    fn decodes_what_was_encoded(
        data in prop::collection::vec(any::<u8>(), 0..600),
        sizes in prop::collection::vec(1..200usize, 0..8),
        ext in any::<bool>(),
        step in 1..64usize,
    ) {
        let (got, rest) = decode(&encode(&data, &sizes, ext), step).unwrap();
        prop_assert_eq!(got, data);
        prop_assert_eq!(rest, 0);
    }

    /// Any bytes at all: an answer (data or an error), never a panic or a stall.
    #[test]
    fn arbitrary_input_never_panics(
        input in prop::collection::vec(
            prop_oneof![
                4 => any::<u8>(),
                2 => prop::sample::select(b"0123456789abcdefABCDEF+-; \t\r\n".to_vec()),
            ],
            0..300,
        ),
        step in 1..32usize,
    ) {
        let mut d = ChunkedDecoder::new();
        let mut at = 0;
        while !d.is_done() && at < input.len() {
            let piece = &input[at..input.len().min(at + step)];
            let data = d.data_left().min(piece.len() as u64);
            if data > 0 {
                d.took_data(data);
                at += data as usize;
                continue;
            }
            match d.framing(piece) {
                Ok(used) => {
                    prop_assert!(used <= piece.len());
                    prop_assert!(used > 0 || d.is_done() || d.data_left() > 0);
                    at += used;
                }
                Err(_) => break,
            }
        }
    }

    /// Data not followed by CRLF is refused, whatever byte stands there instead.
    #[test]
    fn a_damaged_crlf_is_refused(
        data in prop::collection::vec(any::<u8>(), 1..100),
        bad in any::<u8>().prop_filter("not CR", |b| *b != b'\r'),
    ) {
        let mut body = encode(&data, &[], false);
        let crlf = body.len() - 7; // the CR after the data, before "0\r\n\r\n"
        prop_assert_eq!(body[crlf], b'\r');
        body[crlf] = bad;
        prop_assert_eq!(decode(&body, 4096), Err(ChunkedError::DataEnd));
    }
}
