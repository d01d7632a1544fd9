//! The transfer against the real server state machine, with a cut in the middle of a PATCH the
//! way the page's "Cut the connection" aborts a fetch.
use super::*;
use looplab_upload::{BodyEnd, Checksum, Outcome, Request, Server, ServerConfig, UploadId};

const ENDPOINT: &str = "http://127.0.0.1:8080/files/";

/// The server and its disk; a request's body can break after `cut_after` bytes.
struct Net {
    server: Server,
    disk: std::collections::BTreeMap<UploadId, Vec<u8>>,
    next_id: u8,
}

impl Net {
    fn new() -> Self {
        Self {
            server: Server::new(ServerConfig::default()),
            disk: Default::default(),
            next_id: 0,
        }
    }

    fn exchange(
        &mut self,
        t: &Transmit,
        file: &[u8],
        cut_after: Option<usize>,
    ) -> Option<Response> {
        let mut req = Request::new(t.request.method.clone(), path_of(&t.request.url));
        req.headers = t.request.headers.clone();
        let body = t
            .request
            .body
            .map(|b| &file[b.start as usize..b.end as usize])
            .unwrap_or_default();
        if let Some(alg) = t.request.body.and_then(|b| b.checksum) {
            let digest = Checksum::of(alg, body).header_value();
            req.headers.set("Upload-Checksum", digest);
        }
        req.headers.set("Content-Length", body.len().to_string());
        self.next_id += 1;
        let id = UploadId::from_bytes([self.next_id; 16]);
        match self.server.handle(&req, Instant(0), id) {
            Outcome::Create { info, response } => {
                self.disk.insert(info.id, Vec::new());
                Some(response)
            }
            Outcome::ReadBody(mut plan) => {
                let arrived = cut_after.unwrap_or(body.len()).min(body.len());
                let data = self.disk.entry(plan.id).or_default();
                data.extend_from_slice(&body[..arrived]);
                plan.update(&body[..arrived]);
                let end = if arrived == body.len() {
                    BodyEnd::Complete
                } else {
                    BodyEnd::Interrupted
                };
                let f = self
                    .server
                    .finish_body(plan, arrived as u64, end, Instant(0));
                let data = self.disk.get_mut(&f.id).unwrap();
                data.truncate((f.offset + f.keep) as usize);
                let r = self.server.commit(f, true);
                (end == BodyEnd::Complete).then_some(r)
            }
            Outcome::Respond(r) => Some(r),
            other => panic!("unexpected {other:?}"),
        }
    }
}

/// Runs to the end, cutting the connection `cut_after` bytes into the `cut_patch`-th PATCH and
/// resuming at once. Returns the transfer, the stored bytes and the progress seen.
fn run(
    checksum: bool,
    length: usize,
    cut_patch: u32,
    cut_after: usize,
) -> (Transfer, Vec<u8>, Vec<u64>) {
    let file: Vec<u8> = (0..length).map(|i| (i * 31 % 251) as u8).collect();
    let mut t = Transfer::new(ENDPOINT, "big.bin", length as u64, checksum);
    let mut net = Net::new();
    let mut seen = vec![];
    let mut now = 0;
    for _ in 0..1000 {
        now += 1000;
        let Some(tx) = t.poll(Instant(now)) else {
            if matches!(t.status(), Status::Done(_)) {
                break;
            }
            continue;
        };
        let cutting = tx.request.method == Method::Patch && t.patches() == (cut_patch, 0);
        if cutting {
            assert!(t.cut(), "a PATCH was on the wire");
            assert!(t.blocks().iter().any(|b| b.in_flight > 0));
        }
        match net.exchange(&tx, &file, cutting.then_some(cut_after)) {
            Some(r) => t.on_response(tx.token, &r, Instant(now)),
            None => {
                t.on_failure(tx.token, "aborted", Instant(now));
                assert!(
                    t.poll(Instant(now + 10_000)).is_none(),
                    "nothing goes out while cut"
                );
                assert!(t.blocks().iter().any(|b| b.lost));
                t.resume();
            }
        }
        seen.push(t.progress().acked);
    }
    let stored = net.disk.into_values().next().unwrap();
    (t, stored, seen)
}

#[test]
fn part_sizes_keep_the_row_short() {
    assert_eq!(part_size(0), MIN_PART);
    assert_eq!(part_size(5 << 20), 1 << 20);
    assert_eq!(part_size(64 << 20), 1 << 20);
    assert_eq!(part_size((64 << 20) + 1), 2 << 20);
    assert_eq!(part_size(1 << 30), 16 << 20);
    assert_eq!(part_size(10 << 30), MAX_PART);
}

#[test]
fn a_cut_with_checksums_resends_the_whole_broken_part_only() {
    let len = (5 << 20) + 123;
    let (t, stored, seen) = run(true, len, 3, 300_000);
    assert!(matches!(t.status(), Status::Done(_)));
    assert_eq!(stored.len(), len);
    assert!(
        stored
            .iter()
            .enumerate()
            .all(|(i, &b)| b == (i * 31 % 251) as u8)
    );
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "progress went back: {seen:?}"
    );
    assert_eq!(*seen.last().unwrap(), len as u64);
    // Six parts: two acknowledged before the cut, the third broke and is sent again with the rest.
    assert_eq!(t.patches(), (3, 4));
    let log: Vec<String> = t
        .log()
        .iter()
        .map(|e| format!("{} → {:?}", e.request, e.answer))
        .collect();
    let text = log.join("\n");
    assert!(
        text.contains("POST /files/ → Some(\"201 Created, Location: /files/"),
        "{text}"
    );
    assert!(text.contains("✂ aborted"), "{text}");
    assert!(text.contains("HEAD /files/"), "{text}");
    assert!(text.contains("200 OK, Upload-Offset: 2097152"), "{text}");
    assert!(t.blocks().iter().all(|b| b.is_acked()));
}

#[test]
fn a_cut_without_checksums_keeps_what_arrived() {
    let len = 5 << 20;
    let (t, stored, _) = run(false, len, 2, 300_000);
    assert_eq!(stored.len(), len);
    // The server kept 300,000 bytes of the broken part: the PATCHes after resume start there.
    let text: Vec<&str> = t.log().iter().filter_map(|e| e.answer.as_deref()).collect();
    assert!(text.contains(&"200 OK, Upload-Offset: 1348576"), "{text:?}");
    assert_eq!(t.patches(), (2, 4));
}

#[test]
fn paths_drop_the_origin() {
    assert_eq!(path_of("http://127.0.0.1:8080/files/ab"), "/files/ab");
    assert_eq!(path_of("http://host"), "/");
    assert_eq!(path_of("/files/"), "/files/");
}
