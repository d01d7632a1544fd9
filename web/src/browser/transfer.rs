//! A real upload from the page to `looplab serve`: the tus `Client` that `looplab upload` runs,
//! fed one request at a time by the browser's fetch, plus what the view shows: the row of blocks,
//! a log of requests and their answers, and the PATCHes sent before and after a cut. No browser
//! calls here, so it is tested natively against the sans-IO `Server`.
use looplab_upload::{
    Block, BodyRange, Client, ClientConfig, Event, Instant, Metadata, Method, Progress, Response,
    Token, Transmit, blocks, parse_u64, reason,
};

/// Smallest part (PATCH body): small enough that a 5 MiB file shows five parts.
pub const MIN_PART: u64 = 1 << 20;
/// Largest part: the server keeps a checksummed body in memory up to 32 MiB before verifying.
pub const MAX_PART: u64 = 32 << 20;
/// Parts grow (in powers of two) to keep the row of blocks about this long.
const ROW: u64 = 64;

/// Bytes per PATCH for a file of `length` bytes.
pub fn part_size(length: u64) -> u64 {
    let mut size = MIN_PART;
    while size < MAX_PART && length.div_ceil(size) > ROW {
        size *= 2;
    }
    size
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Uploading,
    /// The learner cut the connection; nothing is sent until they resume.
    Cut,
    Done(String),
    Failed(String),
}

/// One request and, once known, what came of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub request: String,
    pub answer: Option<String>,
}

/// The request on the wire.
#[derive(Debug, Clone)]
struct Sending {
    token: Token,
    method: Method,
    body: Option<BodyRange>,
    log: usize,
}

#[derive(Debug)]
pub struct Transfer {
    client: Client,
    length: u64,
    part: u64,
    sending: Option<Sending>,
    /// Body ranges of requests that broke: sent, and maybe not kept.
    lost: Vec<(u64, u64)>,
    log: Vec<LogEntry>,
    status: Status,
    /// PATCHes sent before the first cut, and since the last resume.
    patches: (u32, u32),
    resumed: bool,
}

impl Transfer {
    /// `checksum`: send `Upload-Checksum: sha1` with each part (then the server keeps none of a
    /// broken body); without it the server keeps the bytes that arrived.
    pub fn new(endpoint: &str, name: &str, length: u64, checksum: bool) -> Self {
        let part = part_size(length);
        let mut config = ClientConfig::new(endpoint, length);
        config.chunk_size = part;
        config.metadata = Metadata(vec![("filename".into(), name.as_bytes().to_vec())]);
        if !checksum {
            config.checksum = None;
        }
        Self {
            client: Client::new(config, None),
            length,
            part,
            sending: None,
            lost: Vec::new(),
            log: Vec::new(),
            status: Status::Uploading,
            patches: (0, 0),
            resumed: false,
        }
    }

    pub fn part(&self) -> u64 {
        self.part
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    pub fn progress(&self) -> Progress {
        self.client.progress()
    }

    /// Newest last.
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    /// PATCHes sent before the first cut, and since the last resume.
    pub fn patches(&self) -> (u32, u32) {
        self.patches
    }

    pub fn is_sending(&self) -> bool {
        self.sending.is_some()
    }

    /// The next request to send now, if the upload runs and none is on the wire.
    pub fn poll(&mut self, now: Instant) -> Option<Transmit> {
        if self.status != Status::Uploading || self.sending.is_some() {
            return None;
        }
        let t = self.client.poll_transmit(now)?;
        let r = &t.request;
        let request = match (&r.method, r.body) {
            (Method::Patch, Some(b)) => {
                let count = if self.resumed {
                    &mut self.patches.1
                } else {
                    &mut self.patches.0
                };
                *count += 1;
                let offset = r.headers.get("Upload-Offset").unwrap_or("?");
                format!(
                    "PATCH bytes {}–{} (Upload-Offset: {offset})",
                    b.start, b.end
                )
            }
            (m, _) => format!("{m} {}", path_of(&r.url)),
        };
        self.log.push(LogEntry {
            request,
            answer: None,
        });
        self.sending = Some(Sending {
            token: t.token,
            method: r.method.clone(),
            body: r.body,
            log: self.log.len() - 1,
        });
        Some(t)
    }

    /// When a retry waiting out its backoff becomes due.
    pub fn wait_until(&self) -> Option<Instant> {
        if self.status == Status::Uploading {
            self.client.poll_timeout()
        } else {
            None
        }
    }

    pub fn on_response(&mut self, token: Token, r: &Response, now: Instant) {
        let Some(s) = self.take(token) else { return };
        let mut answer = format!("{} {}", r.status, reason(r.status));
        if let Some(loc) = r.headers.get("Location") {
            answer += &format!(", Location: {}", path_of(loc));
        }
        if s.method != Method::Options
            && let Some(o) = r.headers.get("Upload-Offset")
        {
            answer += &format!(", Upload-Offset: {o}");
        }
        self.log[s.log].answer = Some(answer);
        if s.method == Method::Head
            && let Some(o) = r.headers.get("Upload-Offset").and_then(parse_u64)
        {
            self.note(format!("the server has {o} bytes: send only the rest"));
        }
        self.client.handle_response(token, r, now);
        self.drain();
    }

    /// The request never got an answer: a cut, or the network failed.
    pub fn on_failure(&mut self, token: Token, why: &str, now: Instant) {
        let Some(s) = self.take(token) else { return };
        if let Some(b) = s.body {
            self.lost.push((b.start, b.end));
        }
        self.log[s.log].answer = Some(format!("✂ {why}"));
        self.client.handle_failure(token, why, now);
        self.drain();
    }

    /// Stops sending; returns whether a request is on the wire (the caller aborts it).
    pub fn cut(&mut self) -> bool {
        if self.status != Status::Uploading {
            return false;
        }
        self.status = Status::Cut;
        self.note("✂ connection cut".into());
        self.sending.is_some()
    }

    /// Sends again: the client first asks the server for its offset (HEAD) when a request broke.
    pub fn resume(&mut self) {
        if self.status == Status::Cut {
            self.status = Status::Uploading;
            self.resumed = true;
            self.patches.1 = 0;
            self.note("resume".into());
        }
    }

    /// The file as parts: acknowledged, on the wire, lost (sent, not kept), pending.
    pub fn blocks(&self) -> Vec<Block> {
        let acked = self.client.acked_ranges();
        let wire: Vec<(u64, u64)> = self
            .sending
            .iter()
            .filter_map(|s| s.body.map(|b| (b.start, b.end)))
            .collect();
        blocks(self.length, self.part, &acked, &wire, &self.lost)
    }

    fn take(&mut self, token: Token) -> Option<Sending> {
        match &self.sending {
            Some(s) if s.token == token => self.sending.take(),
            _ => None,
        }
    }

    fn note(&mut self, line: String) {
        self.log.push(LogEntry {
            request: line,
            answer: None,
        });
    }

    fn drain(&mut self) {
        while let Some(e) = self.client.poll_event() {
            match e {
                Event::StateChanged => {}
                Event::Done { url } => self.status = Status::Done(url),
                Event::Failed(e) => self.status = Status::Failed(e.to_string()),
            }
        }
    }
}

/// `/files/abc` of `http://host/files/abc`: the log is narrow.
fn path_of(url: &str) -> &str {
    match url.find("://") {
        Some(i) => url[i + 3..].find('/').map_or("/", |j| &url[i + 3 + j..]),
        None => url,
    }
}

#[cfg(test)]
mod tests {
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
}
