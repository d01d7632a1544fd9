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
#[path = "transfer_tests.rs"]
mod tests;
