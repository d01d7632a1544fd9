//! Property tests of tus request handling: arbitrary methods, paths, headers and body endings
//! against one server. None may panic, every body read ends with the upload unlocked, no
//! offset passes its length, and a HEAD or GET on the wire is only ever a read.
use super::*;
use crate::reason;
use proptest::prelude::*;

const T0: Instant = Instant(1_000_000);

fn id(n: u8) -> UploadId {
    UploadId::from_bytes([n; 16])
}

/// Paths: the collection, uploads that may exist, and junk.
fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just("/files/".to_owned()),
        1 => Just("/files".to_owned()),
        6 => (0..4u8).prop_map(|n| format!("/files/{}", id(n))),
        1 => (0..4u8).prop_map(|n| format!("/files/{}?x=1", id(n))),
        1 => "/files/[a-z0-9./%]{0,40}",
        1 => ".{0,30}",
    ]
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::Options),
        Just(Method::Head),
        Just(Method::Get),
        Just(Method::Post),
        Just(Method::Patch),
        Just(Method::Delete),
        "[A-Za-z]{0,8}".prop_map(|m| Method::parse(&m)),
    ]
}

/// A number as a client (or an attacker) might write one.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..70u64).prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        Just("18446744073709551616".to_owned()),
        Just("-1".to_owned()),
        Just("+5".to_owned()),
        Just(String::new()),
        ".{0,12}",
    ]
}

fn header() -> impl Strategy<Value = (String, String)> {
    let named = |name: &'static str, value: BoxedStrategy<String>| {
        value.prop_map(move |v| (name.to_owned(), v))
    };
    prop_oneof![
        3 => named("Upload-Length", number().boxed()),
        3 => named("Upload-Offset", number().boxed()),
        2 => named("Content-Length", number().boxed()),
        1 => named("Upload-Defer-Length", prop_oneof![Just("1".to_owned()), number()].boxed()),
        3 => named(
            "Content-Type",
            prop_oneof![Just(OFFSET_OCTET_STREAM.to_owned()), ".{0,20}"].boxed(),
        ),
        1 => named("Transfer-Encoding", Just("chunked".to_owned()).boxed()),
        2 => named(
            "Upload-Checksum",
            prop_oneof![
                Just("sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=".to_owned()),
                Just("crc32 NhCmhg==".to_owned()),
                "(sha1|md5|crc32|sha256|x) [A-Za-z0-9+/=%]{0,30}",
            ]
            .boxed(),
        ),
        2 => named(
            "Upload-Concat",
            prop_oneof![
                Just("partial".to_owned()),
                (0..4u8, 0..4u8).prop_map(|(a, b)| format!(
                    "final;/files/{} http://h/files/{}",
                    id(a),
                    id(b)
                )),
                "final;.{0,40}",
                ".{0,10}",
            ]
            .boxed(),
        ),
        1 => named("Upload-Metadata", ".{0,40}".boxed()),
        2 => named("X-HTTP-Method-Override", method().prop_map(|m| m.to_string()).boxed()),
        1 => named("Host", ".{0,20}".boxed()),
        1 => ("[A-Za-z-]{1,12}", ".{0,20}"),
    ]
}

#[derive(Debug, Clone)]
struct Step {
    method: Method,
    path: String,
    headers: Vec<(String, String)>,
    /// Drop the Tus-Resumable header (most requests carry it, or little gets past 412).
    no_version: bool,
    /// How the body, if one is read, ends: bytes received, the ending, whether storage held.
    received: u64,
    end: BodyEnd,
    durable: bool,
    /// Milliseconds since the previous step (expiry is a day: some steps jump past it).
    later: u64,
}

/// A PATCH a tus client would send, at an offset that may be right, plus a few odd headers:
/// arbitrary requests alone seldom get as far as a body.
fn patch() -> impl Strategy<Value = (Method, String, Vec<(String, String)>)> {
    (
        0..4u8,
        prop_oneof![Just(0u64), Just(60), 0..70u64],
        prop::collection::vec(header(), 0..3),
    )
        .prop_map(|(n, offset, extra)| {
            let mut headers = vec![
                ("Content-Type".to_owned(), OFFSET_OCTET_STREAM.to_owned()),
                ("Upload-Offset".to_owned(), offset.to_string()),
            ];
            headers.extend(extra);
            (Method::Patch, format!("/files/{}", id(n)), headers)
        })
}

fn step() -> impl Strategy<Value = Step> {
    (
        prop_oneof![
            (method(), path(), prop::collection::vec(header(), 0..6)),
            patch(),
        ],
        prop::bool::weighted(0.1),
        0..60u64,
        prop_oneof![
            Just(BodyEnd::Complete),
            Just(BodyEnd::Interrupted),
            Just(BodyEnd::TooLarge),
            Just(BodyEnd::Malformed),
        ],
        prop::bool::weighted(0.9),
        prop_oneof![9 => 0..10_000u64, 1 => Just(25 * 3600 * 1000)],
    )
        .prop_map(
            |((method, path, headers), no_version, received, end, durable, later)| Step {
                method,
                path,
                headers,
                no_version,
                received,
                end,
                durable,
                later,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_requests_keep_the_table_sound(steps in prop::collection::vec(step(), 1..30)) {
        let mut s = Server::new(ServerConfig { max_size: 50, ..ServerConfig::default() });
        // Found in storage after a restart with a smaller --max-size: past the limit already.
        s.restore(UploadInfo {
            id: id(3),
            length: None,
            offset: 60,
            metadata: Metadata::default(),
            created_at: T0,
            expires_at: None,
            concat: Concat::None,
        });
        let mut now = T0;
        for (i, st) in steps.into_iter().enumerate() {
            now = now.saturating_add(core::time::Duration::from_millis(st.later));
            let mut req = Request::new(st.method.clone(), st.path.clone());
            if !st.no_version {
                req.headers.0.push(("Tus-Resumable".into(), TUS_VERSION.into()));
            }
            req.headers.0.extend(st.headers.iter().cloned());
            let outcome = s.handle(&req, now, id((i % 4) as u8));
            if matches!(st.method, Method::Head | Method::Get) {
                prop_assert!(
                    matches!(&outcome, Outcome::Respond(_))
                        || (st.method == Method::Get && matches!(&outcome, Outcome::Download { .. })),
                    "a {} became {:?}", st.method, outcome
                );
            }
            let response = match outcome {
                Outcome::ReadBody(mut plan) => {
                    prop_assert!(s.uploads[&plan.id].locked);
                    let bytes = vec![b'x'; st.received.min(plan.limit) as usize];
                    plan.update(&bytes);
                    let f = s.finish_body(plan, st.received, st.end, now);
                    s.commit(f, st.durable)
                }
                Outcome::Respond(r)
                | Outcome::Create { response: r, .. }
                | Outcome::Concatenate { response: r, .. }
                | Outcome::Delete { response: r, .. }
                | Outcome::Download { response: r, .. } => r,
            };
            prop_assert_ne!(reason(response.status), "Unknown", "{}", response.status);
            prop_assert_eq!(response.headers.get("Tus-Resumable"), Some(TUS_VERSION));
            for e in s.uploads.values() {
                prop_assert!(!e.locked, "{} left locked", e.info.id);
                if let Some(l) = e.info.length {
                    prop_assert!(e.info.offset <= l, "{:?}", e.info);
                    prop_assert!(l <= 50 || matches!(e.info.concat, Concat::Final(_)) || e.info.id == id(3));
                }
                if let Concat::Final(_) = e.info.concat {
                    prop_assert!(e.info.is_complete());
                }
            }
        }
    }
}
