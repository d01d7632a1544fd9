//! Real byte sequences: RFC 6455's example frames and handshake, Node's HTTP heads, and the same
//! bytes split at awkward places.
use super::*;
use Direction::{Read, Write};

/// RFC 6455 §5.7: a single-frame masked text message "Hello".
const MASKED_HELLO: &[u8] = &[
    0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58,
];
/// RFC 6455 §5.7: a single-frame unmasked text message "Hello".
const HELLO: &[u8] = &[0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f];

const UPGRADE_REQUEST: &[u8] = b"GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n\
Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
const SWITCHING: &[u8] =
    b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";

fn frames(d: &Decoded) -> Vec<&Frame> {
    d.parts
        .iter()
        .filter_map(|p| match p {
            Part::Frame(f) => Some(f),
            _ => None,
        })
        .collect()
}

/// A server's view: it reads the upgrade request and writes the 101.
fn upgraded_server() -> Connection {
    let mut c = Connection::new();
    c.feed(Read, UPGRADE_REQUEST, 0);
    c.feed(Write, SWITCHING, 0);
    c
}

#[test]
fn upgrade_request_and_101_response() {
    let mut c = Connection::new();
    let req = c.feed(Write, UPGRADE_REQUEST, 0);
    let Part::Request {
        method,
        target,
        version,
        headers,
    } = &req.parts[0]
    else {
        panic!("{req:?}")
    };
    assert_eq!(
        (method.as_str(), target.as_str(), version.as_str()),
        ("GET", "/chat", "HTTP/1.1")
    );
    assert_eq!(
        header(headers, "sec-websocket-key"),
        Some("dGhlIHNhbXBsZSBub25jZQ==")
    );
    assert_eq!(req.incomplete, None);
    let res = c.feed(Read, SWITCHING, 0);
    let Part::Response {
        status,
        reason,
        headers,
        ..
    } = &res.parts[0]
    else {
        panic!("{res:?}")
    };
    assert_eq!((*status, reason.as_str()), (101, "Switching Protocols"));
    assert_eq!(
        header(headers, "Sec-WebSocket-Accept"),
        Some("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    );
    // After the 101 both directions carry frames: the client's masked one, the server's plain one.
    let sent = c.feed(Write, MASKED_HELLO, 0);
    let f = frames(&sent)[0];
    assert!(f.fin && f.masked);
    assert_eq!(
        (f.opcode_name(), f.length, f.length_form),
        ("text", 5, LengthForm::Bits7)
    );
    assert_eq!(f.mask_key, Some([0x37, 0xfa, 0x21, 0x3d]));
    assert_eq!(f.payload, b"Hello");
    assert_eq!(f.header, &MASKED_HELLO[..6]);
    let got = c.feed(Read, HELLO, 0);
    assert_eq!(frames(&got)[0].payload, b"Hello");
    assert!(!frames(&got)[0].masked);
}

#[test]
fn fragmented_message_ping_and_pong() {
    let mut c = upgraded_server();
    // RFC 6455 §5.7: "Hel" then "lo" as a text frame and its continuation; a ping; a masked pong.
    let bytes = [
        &[0x01, 0x03, 0x48, 0x65, 0x6c][..],
        &[0x80, 0x02, 0x6c, 0x6f],
        &[0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f],
        &[
            0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58,
        ],
    ]
    .concat();
    let d = c.feed(Read, &bytes, 0);
    let f = frames(&d);
    let shape: Vec<_> = f
        .iter()
        .map(|f| (f.fin, f.opcode_name(), f.payload.as_slice()))
        .collect();
    assert_eq!(
        shape,
        [
            (false, "text", &b"Hel"[..]),
            (true, "continuation", b"lo"),
            (true, "ping", b"Hello"),
            (true, "pong", b"Hello"),
        ]
    );
}

#[test]
fn sixteen_and_sixty_four_bit_lengths() {
    let mut c = upgraded_server();
    // RFC 6455 §5.7: 256 bytes of binary data in one unmasked frame.
    let mut f256 = vec![0x82, 0x7e, 0x01, 0x00];
    f256.extend((0..=255u8).collect::<Vec<_>>());
    let d = c.feed(Write, &f256, 0);
    let f = frames(&d)[0];
    assert_eq!(
        (f.length, f.length_form, f.opcode_name()),
        (256, LengthForm::Bits16, "binary")
    );
    assert_eq!(f.header, [0x82, 0x7e, 0x01, 0x00]);
    // A masked 200-byte text frame, as the WebSocket scenario's client sends it.
    let key = [1, 2, 3, 4];
    let mut f200 = vec![0x81, 0xfe, 0x00, 0xc8, 1, 2, 3, 4];
    f200.extend((0..200).map(|i| b'x' ^ key[i % 4]));
    let d = c.feed(Read, &f200, 0);
    assert_eq!(frames(&d)[0].payload, vec![b'x'; 200]);
    // 64 KiB: the 64-bit form.
    let mut big = vec![0x82, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0];
    big.resize(10 + 65536, 0xab);
    let d = c.feed(Write, &big, 0);
    let f = frames(&d)[0];
    assert_eq!((f.length, f.length_form), (65536, LengthForm::Bits64));
}

#[test]
fn frames_split_across_reads_are_incomplete_until_whole() {
    let mut c = upgraded_server();
    let first = c.feed(Read, &MASKED_HELLO[..1], 0);
    assert!(first.parts.is_empty());
    assert_eq!(
        first.incomplete,
        Some(incomplete("a WebSocket frame", 1, None))
    );
    let second = c.feed(Read, &MASKED_HELLO[1..8], 0);
    assert_eq!(
        second.incomplete,
        Some(incomplete("a WebSocket frame", 8, Some(11)))
    );
    // The rest and the next frame arrive together.
    let third = c.feed(Read, &[&MASKED_HELLO[8..], MASKED_HELLO].concat(), 0);
    assert_eq!(third.carried, 8);
    assert_eq!(frames(&third).len(), 2);
    assert_eq!(third.incomplete, None);
}

#[test]
fn close_frame_code() {
    let mut c = upgraded_server();
    // Masked close with 1000 (0x03e8), as the scenario's client sends it.
    let key = [0x37, 0xfa, 0x21, 0x3d];
    let d = c.feed(
        Read,
        &[
            0x88,
            0x82,
            0x37,
            0xfa,
            0x21,
            0x3d,
            0x03 ^ key[0],
            0xe8 ^ key[1],
        ],
        0,
    );
    let f = frames(&d)[0];
    assert_eq!(f.opcode_name(), "close");
    assert_eq!(f.close(), Some((1000, String::new())));
    assert_eq!(close_meaning(1000), "normal closure");
}

#[test]
fn head_split_across_reads() {
    let mut c = Connection::new();
    let a = c.feed(Read, &UPGRADE_REQUEST[..2], 0);
    assert_eq!(
        a.incomplete.map(|i| i.what),
        Some("a first line (HTTP, or plain bytes?)")
    );
    let b = c.feed(Read, &UPGRADE_REQUEST[2..40], 0);
    assert_eq!(
        b.incomplete.map(|i| i.what),
        Some("an HTTP head (no blank line yet)")
    );
    let c2 = c.feed(Read, &UPGRADE_REQUEST[40..], 0);
    assert!(matches!(c2.parts[0], Part::Request { .. }));
    assert_eq!(c2.carried, 40);
}

#[test]
fn bytes_after_an_upgrade_request_wait_for_the_answer() {
    let mut c = Connection::new();
    let d = c.feed(Read, &[UPGRADE_REQUEST, MASKED_HELLO].concat(), 0);
    assert_eq!(d.parts.len(), 1);
    assert_eq!(d.incomplete.map(|i| i.have), Some(11));
    c.feed(Write, SWITCHING, 0);
    // Held bytes decode once the next read comes in.
    let d = c.feed(Read, HELLO, 0);
    assert_eq!(frames(&d).len(), 2);
}

#[test]
fn refused_upgrade_goes_back_to_http() {
    let mut c = Connection::new();
    c.feed(Read, UPGRADE_REQUEST, 0);
    let d = c.feed(
        Write,
        b"HTTP/1.1 426 Upgrade Required\r\nContent-Length: 14\r\n\r\nWebSocket only",
        0,
    );
    assert!(matches!(
        d.parts[1],
        Part::Body {
            total: Some(14),
            ..
        }
    ));
    let d = c.feed(Read, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", 0);
    assert!(matches!(&d.parts[0], Part::Request { target, .. } if target == "/"));
}

#[test]
fn keep_alive_with_length_and_chunked_bodies() {
    let mut c = Connection::new();
    c.feed(
        Write,
        b"GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n",
        0,
    );
    let d = c.feed(
        Read,
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\nc\r\nfirst part, \r\nb\r\nsecond part\r\n0\r\n\r\n",
        0,
    );
    let chunks: Vec<_> = d
        .parts
        .iter()
        .filter_map(|p| match p {
            Part::Chunk { size, bytes } => Some((*size, bytes.as_slice())),
            _ => None,
        })
        .collect();
    assert_eq!(
        chunks,
        [(12, &b"first part, "[..]), (11, b"second part"), (0, b"")]
    );
    assert_eq!(d.incomplete, None);
    // The same connection carries a POST with a body split in two reads.
    c.feed(
        Write,
        b"POST /submit HTTP/1.1\r\nContent-Length: 12\r\n\r\nname=",
        0,
    );
    let d = c.feed(Write, b"looplab", 0);
    assert_eq!(
        d.parts,
        [Part::Body {
            offset: 5,
            bytes: b"looplab".to_vec(),
            total: Some(12)
        }]
    );
    c.feed(Read, b"HTTP/1.1 204 No Content\r\n\r\n", 0);
    // A response to HEAD has no body even with a Content-Length.
    c.feed(Write, b"HEAD / HTTP/1.1\r\n\r\n", 0);
    c.feed(Read, b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n", 0);
    let d = c.feed(Read, b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n", 0);
    assert!(matches!(d.parts[0], Part::Response { .. }));
    assert_eq!(d.incomplete.map(|i| i.what), Some("an HTTP body"));
}

#[test]
fn plain_tcp_is_data_even_when_it_shouts() {
    let mut c = Connection::new();
    assert_eq!(
        c.feed(Read, b"hello from a\n", 0).parts,
        [Part::Data(b"hello from a\n".to_vec())]
    );
    let mut c = Connection::new();
    let d = c.feed(Write, b"HELLO FROM A\n", 0);
    assert_eq!(d.parts, [Part::Data(b"HELLO FROM A\n".to_vec())]);
}

#[test]
fn missing_bytes_count_through_a_body_and_stop_frames() {
    let mut c = Connection::new();
    c.feed(Read, b"PUT /f HTTP/1.1\r\nContent-Length: 100\r\n\r\n", 0);
    let d = c.feed(Read, &[b'a'; 10], 80);
    assert_eq!(d.parts.last(), Some(&Part::Skipped(80)));
    assert_eq!(
        d.incomplete,
        Some(incomplete("an HTTP body", 90, Some(100)))
    );
    let mut c = upgraded_server();
    let d = c.feed(Read, &MASKED_HELLO[..4], 500);
    assert_eq!(d.parts, [Part::Skipped(500)]);
    assert_eq!(c.feed(Read, HELLO, 0).parts, [Part::Data(HELLO.to_vec())]);
}

#[test]
fn malformed_head_falls_back_to_raw() {
    let mut c = Connection::new();
    let d = c.feed(Read, b"HTTP/1.1 abc\r\n\r\nrest", 0);
    assert!(matches!(d.parts[0], Part::Malformed(_)));
    assert_eq!(d.parts[1], Part::Data(b"rest".to_vec()));
}

#[test]
fn hex_beside_text() {
    assert_eq!(hex(&MASKED_HELLO[..4]), "81 85 37 fa");
    let rows: Vec<_> = hex_rows(b"GET / HTTP/1.1\r\n").collect();
    assert_eq!(
        rows,
        [
            "47 45 54 20 2f 20 48 54  GET / HT",
            "54 50 2f 31 2e 31 0d 0a  TP/1.1··"
        ]
    );
    assert_eq!(
        hex_rows(b"hi").next().unwrap(),
        format!("68 69{}  hi", " ".repeat(18))
    );
    assert_eq!(text_or_hex(b"a\r\n"), "\"a\\r\\n\"");
    assert_eq!(text_or_hex(&[0xff, 0x00]), "ff 00");
}
