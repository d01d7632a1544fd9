//! The tus client as a state machine.
//!
//! Loop: call `poll_transmit` until `None` and perform each request (for a body, read the
//! file's `BodyRange`, add `Upload-Checksum` if asked, call `on_sent` as bytes go out); feed
//! every result back with `handle_response` or `handle_failure`; drain `poll_event` (save
//! `resume_state` on `Event::StateChanged`); sleep until the next response or `poll_timeout`.
use std::collections::{BTreeMap, VecDeque};

use crate::{
    Backoff, ChecksumAlgorithm, Headers, Instant, Metadata, Method, OFFSET_OCTET_STREAM, Part,
    PartState, Progress, Response, TUS_VERSION, parse_u64, plan_parts, resolve_url,
};

#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// The creation URL, e.g. `http://127.0.0.1:8080/files/`.
    pub endpoint: String,
    pub length: u64,
    /// Bytes per PATCH.
    pub chunk_size: u64,
    /// Parts uploaded at once (needs the concatenation extension; 1 = a single upload).
    pub parallel: usize,
    pub metadata: Metadata,
    /// Preferred checksum; used only if the server lists it.
    pub checksum: Option<ChecksumAlgorithm>,
    pub backoff: Backoff,
}

impl ClientConfig {
    pub fn new(endpoint: impl Into<String>, length: u64) -> Self {
        Self {
            endpoint: endpoint.into(),
            length,
            chunk_size: 5 << 20,
            parallel: 1,
            metadata: Metadata::default(),
            checksum: Some(ChecksumAlgorithm::Sha1),
            backoff: Backoff::default(),
        }
    }
}

/// What must survive a restart of the client: the URLs of the parts (and of the final upload).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct ResumeState {
    /// `(start, end, url)` per part.
    pub parts: Vec<(u64, u64, Option<String>)>,
    #[serde(default)]
    pub final_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Token(pub u64);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transmit {
    pub token: Token,
    pub request: ClientRequest,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRequest {
    pub method: Method,
    pub url: String,
    pub headers: Headers,
    pub body: Option<BodyRange>,
}

/// The bytes `start..end` of the file are the body; if `checksum` is set, the caller adds
/// `Upload-Checksum` for exactly those bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyRange {
    pub start: u64,
    pub end: u64,
    pub checksum: Option<ChecksumAlgorithm>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// URLs changed: persist `resume_state` now.
    StateChanged,
    /// The whole file is on the server at `url`.
    Done {
        url: String,
    },
    Failed(ClientError),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    #[error("server refused {during} with {status}: {reason}")]
    Rejected {
        during: &'static str,
        status: u16,
        reason: String,
    },
    #[error("gave up after {attempts} failed attempts; last: {last}")]
    GaveUp { attempts: u32, last: String },
    #[error("the file ({length} bytes) is larger than the server accepts ({max} bytes)")]
    TooLarge { length: u64, max: u64 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Discover,
    Part(usize),
    Finalize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Discover,
    Upload,
    Finalize,
    Finished,
}

/// A step of the upload outside any part (discovery, final concatenation).
#[derive(Debug, Clone, Copy, Default)]
struct Step {
    in_flight: bool,
    attempts: u32,
    wait_until: Option<Instant>,
}

impl Step {
    fn is_due(&self, now: Instant) -> bool {
        !self.in_flight && self.wait_until.is_none_or(|t| t <= now)
    }
}

#[derive(Debug)]
pub struct Client {
    config: ClientConfig,
    phase: Phase,
    parts: Vec<Part>,
    final_url: Option<String>,
    /// Whether to send parts with `Upload-Concat: partial` and finish with a final POST.
    concat: bool,
    checksum: Option<ChecksumAlgorithm>,
    discover: Step,
    finalize: Step,
    in_flight: BTreeMap<Token, (Job, u64)>,
    next_token: u64,
    acked_high: u64,
    events: VecDeque<Event>,
}

impl Client {
    /// A new upload, or a resumed one if `resume` holds the URLs an earlier run saved.
    pub fn new(config: ClientConfig, resume: Option<ResumeState>) -> Self {
        let resume = resume.filter(|r| covers(&r.parts, config.length));
        let (parts, final_url): (Vec<Part>, _) = match resume {
            Some(r) => (
                r.parts
                    .into_iter()
                    .map(|(s, e, url)| Part::new(s, e, url))
                    .collect(),
                r.final_url,
            ),
            None => {
                let plan = plan_parts(config.length, config.parallel, config.chunk_size);
                (
                    plan.into_iter()
                        .map(|(s, e)| Part::new(s, e, None))
                        .collect(),
                    None,
                )
            }
        };
        let concat = parts.len() > 1;
        Self {
            config,
            phase: Phase::Discover,
            parts,
            final_url,
            concat,
            checksum: None,
            discover: Step::default(),
            finalize: Step::default(),
            in_flight: BTreeMap::new(),
            next_token: 0,
            acked_high: 0,
            events: VecDeque::new(),
        }
    }

    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// Each part's acknowledged bytes as a `(start, end)` range of the file.
    pub fn acked_ranges(&self) -> Vec<(u64, u64)> {
        self.parts
            .iter()
            .map(|p| (p.start, p.start + p.acked))
            .collect()
    }

    /// The checksum sent with each chunk (known once the server's extensions are).
    pub fn checksum(&self) -> Option<ChecksumAlgorithm> {
        self.checksum
    }

    pub fn is_finished(&self) -> bool {
        self.phase == Phase::Finished
    }

    pub fn resume_state(&self) -> ResumeState {
        ResumeState {
            parts: self
                .parts
                .iter()
                .map(|p| (p.start, p.end, p.url.clone()))
                .collect(),
            final_url: self.final_url.clone(),
        }
    }

    pub fn progress(&self) -> Progress {
        let in_flight: u64 = self.in_flight.values().map(|(_, sent)| sent).sum();
        let acked: u64 = self.parts.iter().map(|p| p.acked).sum();
        Progress {
            acked: self.acked_high.max(acked),
            sent: acked + in_flight,
            total: self.config.length,
        }
    }

    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// The next instant at which a waiting retry becomes due.
    pub fn poll_timeout(&self) -> Option<Instant> {
        let steps = [&self.discover, &self.finalize]
            .into_iter()
            .filter(|s| !s.in_flight)
            .filter_map(|s| s.wait_until);
        let parts = self
            .parts
            .iter()
            .filter(|p| p.state != PartState::InFlight)
            .filter_map(|p| p.wait_until);
        steps.chain(parts).min()
    }

    /// The next request to send, if one is due.
    pub fn poll_transmit(&mut self, now: Instant) -> Option<Transmit> {
        match self.phase {
            Phase::Discover if self.discover.is_due(now) => {
                self.discover.in_flight = true;
                self.discover.wait_until = None;
                let url = self.config.endpoint.clone();
                Some(self.transmit(Job::Discover, Method::Options, url, Headers::new(), None))
            }
            Phase::Upload => {
                let i = self.parts.iter().position(|p| p.is_due(now))?;
                self.part_request(i)
            }
            Phase::Finalize if self.finalize.is_due(now) => {
                self.finalize.in_flight = true;
                self.finalize.wait_until = None;
                let urls: Vec<&str> = self.parts.iter().filter_map(|p| p.url.as_deref()).collect();
                let mut h =
                    Headers::new().with("Upload-Concat", format!("final;{}", urls.join(" ")));
                if !self.config.metadata.is_empty() {
                    h.set("Upload-Metadata", self.config.metadata.header_value());
                }
                let url = self.config.endpoint.clone();
                Some(self.transmit(Job::Finalize, Method::Post, url, h, None))
            }
            _ => None,
        }
    }

    fn part_request(&mut self, i: usize) -> Option<Transmit> {
        let chunk = self.config.chunk_size.max(1);
        let p = &mut self.parts[i];
        let state = p.state;
        p.state = PartState::InFlight;
        p.wait_until = None;
        let (method, url, mut h, body) = match state {
            PartState::Create => {
                let mut h = Headers::new().with("Upload-Length", p.len().to_string());
                if self.concat {
                    h.set("Upload-Concat", "partial");
                } else if !self.config.metadata.is_empty() {
                    h.set("Upload-Metadata", self.config.metadata.header_value());
                }
                (Method::Post, self.config.endpoint.clone(), h, None)
            }
            PartState::Locate => (Method::Head, p.url.clone()?, Headers::new(), None),
            PartState::Ready => {
                let start = p.start + p.acked;
                let end = (start + chunk).min(p.end);
                let h = Headers::new()
                    .with("Upload-Offset", p.acked.to_string())
                    .with("Content-Type", OFFSET_OCTET_STREAM);
                let body = BodyRange {
                    start,
                    end,
                    checksum: self.checksum,
                };
                (Method::Patch, p.url.clone()?, h, Some(body))
            }
            PartState::InFlight | PartState::Done => return None,
        };
        if body.is_none() && method != Method::Head {
            h.set("Content-Length", "0");
        }
        Some(self.transmit(Job::Part(i), method, url, h, body))
    }

    fn transmit(
        &mut self,
        job: Job,
        method: Method,
        url: String,
        headers: Headers,
        body: Option<BodyRange>,
    ) -> Transmit {
        let token = Token(self.next_token);
        self.next_token += 1;
        self.in_flight.insert(token, (job, 0));
        let headers = if method == Method::Options {
            headers
        } else {
            headers.with("Tus-Resumable", TUS_VERSION)
        };
        Transmit {
            token,
            request: ClientRequest {
                method,
                url,
                headers,
                body,
            },
        }
    }

    /// Body bytes of a request written to the wire so far (for `Progress::sent`).
    pub fn on_sent(&mut self, token: Token, total_sent: u64) {
        if let Some((_, sent)) = self.in_flight.get_mut(&token) {
            *sent = total_sent;
        }
    }

    /// The request never got a response (connect error, reset, timeout).
    pub fn handle_failure(&mut self, token: Token, why: &str, now: Instant) {
        let Some((job, _)) = self.in_flight.remove(&token) else {
            return;
        };
        match job {
            Job::Discover => self.discover.in_flight = false,
            Job::Finalize => self.finalize.in_flight = false,
            Job::Part(_) => {}
        }
        self.retry(job, PartState::Locate, why, now);
    }

    pub fn handle_response(&mut self, token: Token, r: &Response, now: Instant) {
        let Some((job, _)) = self.in_flight.remove(&token) else {
            return;
        };
        match job {
            Job::Discover => self.on_discover(r, now),
            Job::Finalize => self.on_finalize(r, now),
            Job::Part(i) => {
                self.on_part(i, r, now);
                if self.phase == Phase::Upload
                    && self.parts.iter().all(|p| p.state == PartState::Done)
                {
                    self.phase = Phase::Finalize;
                    self.finish();
                }
            }
        }
        self.acked_high = self.progress().acked;
    }

    fn on_discover(&mut self, r: &Response, now: Instant) {
        self.discover.in_flight = false;
        if r.status >= 500 {
            return self.retry(
                Job::Discover,
                PartState::Locate,
                &format!("OPTIONS got {}", r.status),
                now,
            );
        }
        // A server without OPTIONS support still gets core + creation.
        let ext = if r.is_success() {
            r.headers.get("Tus-Extension").unwrap_or_default()
        } else {
            ""
        };
        let has = |name: &str| ext.split(',').any(|e| e.trim() == name);
        if let Some(max) = r.headers.get("Tus-Max-Size").and_then(parse_u64)
            && self.config.length > max
        {
            return self.fail(ClientError::TooLarge {
                length: self.config.length,
                max,
            });
        }
        let algs = r.headers.get("Tus-Checksum-Algorithm").unwrap_or_default();
        let offered = |a: &ChecksumAlgorithm| algs.split(',').any(|s| s.trim() == a.name());
        // The one asked for, else sha1, which every server with the extension must take.
        self.checksum = self
            .config
            .checksum
            .filter(|_| has("checksum"))
            .and_then(|a| [a, ChecksumAlgorithm::Sha1].into_iter().find(offered));
        if self.concat && !has("concatenation") && self.parts.iter().all(|p| p.url.is_none()) {
            self.parts = vec![Part::new(0, self.config.length, None)];
            self.concat = false;
        }
        self.phase = Phase::Upload;
        if self.final_url.is_some() {
            self.phase = Phase::Finalize;
            self.finish();
        }
    }

    fn on_finalize(&mut self, r: &Response, now: Instant) {
        self.finalize.in_flight = false;
        match (r.status, r.headers.get("Location")) {
            (201, Some(loc)) => {
                self.final_url = Some(resolve_url(&self.config.endpoint, loc));
                self.events.push_back(Event::StateChanged);
                self.finish();
            }
            (400 | 404 | 410, _) => {
                // A part vanished (expired or deleted): check every part again.
                for p in &mut self.parts {
                    p.state = PartState::Locate;
                }
                self.phase = Phase::Upload;
                self.retry(
                    Job::Finalize,
                    PartState::Locate,
                    &format!("final POST got {}", r.status),
                    now,
                );
            }
            (s, _) if retryable(s) => self.retry(
                Job::Finalize,
                PartState::Locate,
                &format!("final POST got {s}"),
                now,
            ),
            (s, _) => self.reject("the final concatenation", s, r),
        }
    }

    fn on_part(&mut self, i: usize, r: &Response, now: Instant) {
        let (status, offset) = (r.status, r.headers.get("Upload-Offset").and_then(parse_u64));
        let p = &mut self.parts[i];
        let was = if p.url.is_none() {
            PartState::Create
        } else {
            PartState::InFlight
        };
        match (was, status) {
            (PartState::Create, 201) => match r.headers.get("Location") {
                Some(loc) => {
                    p.url = Some(resolve_url(&self.config.endpoint, loc));
                    p.acked = offset.unwrap_or(0).min(p.len());
                    p.attempts = 0;
                    p.state = if p.acked == p.len() {
                        PartState::Done
                    } else {
                        PartState::Ready
                    };
                    self.events.push_back(Event::StateChanged);
                }
                None => self.reject("creation (no Location)", status, r),
            },
            (PartState::Create, 413) => self.reject("creation", status, r),
            // HEAD and PATCH both answer with the server's offset.
            (_, 200 | 204) => match offset {
                Some(o) if o <= p.len() && (status == 200 || o > p.acked) => {
                    let declared = r.headers.get("Upload-Length").and_then(parse_u64);
                    if status == 200 && declared.is_some_and(|l| l != p.len()) {
                        // Not our upload (or the state file is stale): start this part over.
                        p.url = None;
                        p.acked = 0;
                        p.state = PartState::Create;
                        self.events.push_back(Event::StateChanged);
                        return;
                    }
                    if status == 204 {
                        p.attempts = 0;
                    }
                    p.acked = o;
                    p.state = if o == p.len() {
                        PartState::Done
                    } else {
                        PartState::Ready
                    };
                }
                _ => self.retry(
                    Job::Part(i),
                    PartState::Locate,
                    "response without a usable Upload-Offset",
                    now,
                ),
            },
            (_, 404 | 410) if p.url.is_some() => {
                p.url = None;
                p.acked = 0;
                p.state = PartState::Create;
                self.events.push_back(Event::StateChanged);
                self.retry(
                    Job::Part(i),
                    PartState::Create,
                    &format!("upload gone ({status})"),
                    now,
                );
            }
            (_, s) if retryable(s) => {
                self.retry(Job::Part(i), PartState::Locate, &format!("got {s}"), now)
            }
            (_, s) => self.reject("the upload", s, r),
        }
    }

    /// Single upload: done when the part is. Parallel: POST the final concatenation first.
    fn finish(&mut self) {
        let url = if self.concat {
            self.final_url.clone()
        } else {
            self.parts[0].url.clone()
        };
        if let Some(url) = url {
            self.phase = Phase::Finished;
            self.events.push_back(Event::Done { url });
        }
    }

    fn retry(&mut self, job: Job, then: PartState, why: &str, now: Instant) {
        let backoff = &self.config.backoff;
        let (attempts, wait) = match job {
            Job::Discover => (&mut self.discover.attempts, &mut self.discover.wait_until),
            Job::Finalize => (&mut self.finalize.attempts, &mut self.finalize.wait_until),
            Job::Part(i) => {
                let p = &mut self.parts[i];
                p.state = if p.url.is_some() {
                    then
                } else {
                    PartState::Create
                };
                (&mut p.attempts, &mut p.wait_until)
            }
        };
        *attempts += 1;
        match backoff.delay(*attempts) {
            Some(d) => *wait = Some(now.saturating_add(d)),
            None => {
                let attempts = *attempts;
                self.discover.in_flight = false;
                self.finalize.in_flight = false;
                self.fail(ClientError::GaveUp {
                    attempts,
                    last: why.to_owned(),
                });
            }
        }
    }

    fn reject(&mut self, during: &'static str, status: u16, r: &Response) {
        let reason = String::from_utf8_lossy(&r.body[..r.body.len().min(200)]).into_owned();
        self.fail(ClientError::Rejected {
            during,
            status,
            reason,
        });
    }

    fn fail(&mut self, e: ClientError) {
        if self.phase != Phase::Finished {
            self.phase = Phase::Finished;
            self.events.push_back(Event::Failed(e));
        }
    }
}

/// Worth another try: a conflict (409: offset moved, e.g. a partial body was kept), a lock
/// (423), a bad checksum (460: bytes damaged in transit) or a server-side failure.
fn retryable(status: u16) -> bool {
    matches!(status, 408 | 409 | 423 | 429 | 460) || status >= 500
}

fn covers(parts: &[(u64, u64, Option<String>)], length: u64) -> bool {
    !parts.is_empty()
        && parts[0].0 == 0
        && parts.last().is_some_and(|p| p.1 == length)
        && parts.windows(2).all(|w| w[0].1 == w[1].0)
        && parts.iter().all(|p| p.0 <= p.1)
}

#[cfg(test)]
mod tests {
    //! The client against the real server state machine over a simulated network with faults
    //! (the way the page runs them), on virtual time.
    use super::*;
    use crate::{BodyEnd, Checksum, Outcome, Request, Server, ServerConfig, UploadId};
    use proptest::prelude::*;

    /// A network fault injected into one exchange.
    #[derive(Debug, Clone, Copy)]
    enum Fault {
        None,
        /// The connection fails before the server sees the request.
        Refused,
        /// The body breaks after this fraction (in 1/8ths) arrived.
        CutBody(u8),
        /// The server handles the request but the response is lost.
        LostResponse,
        /// A byte of the body flips in transit.
        Corrupt,
    }

    struct Sim {
        server: Server,
        /// Each upload's bytes as stored.
        disk: std::collections::BTreeMap<UploadId, Vec<u8>>,
        now: Instant,
        next_id: u8,
        requests: Vec<Method>,
    }

    impl Sim {
        fn new() -> Self {
            let server = Server::new(ServerConfig::default());
            Self {
                server,
                disk: Default::default(),
                now: Instant(0),
                next_id: 0,
                requests: Vec::new(),
            }
        }

        /// Runs one transmit through the server with a fault; returns the response if delivered.
        fn exchange(&mut self, t: &Transmit, file: &[u8], fault: Fault) -> Option<Response> {
            if matches!(fault, Fault::Refused) {
                return None;
            }
            self.requests.push(t.request.method.clone());
            let path = t.request.url.trim_start_matches("http://sim").to_owned();
            let mut req = Request {
                method: t.request.method.clone(),
                path,
                headers: t.request.headers.clone(),
            };
            let mut body = t
                .request
                .body
                .map(|b| file[b.start as usize..b.end as usize].to_vec())
                .unwrap_or_default();
            if let Some(alg) = t.request.body.and_then(|b| b.checksum) {
                req.headers
                    .set("Upload-Checksum", Checksum::of(alg, &body).header_value());
            }
            req.headers.set("Content-Length", body.len().to_string());
            if let (Fault::Corrupt, Some(b)) = (fault, body.first_mut()) {
                *b ^= 1;
            }
            self.next_id += 1;
            let outcome =
                self.server
                    .handle(&req, self.now, UploadId::from_bytes([self.next_id; 16]));
            let response = match outcome {
                Outcome::Respond(r)
                | Outcome::Delete { response: r, .. }
                | Outcome::Download { response: r, .. } => r,
                Outcome::Create { info, response } => {
                    self.disk.insert(info.id, Vec::new());
                    response
                }
                Outcome::Concatenate {
                    info,
                    parts,
                    response,
                } => {
                    let bytes = parts
                        .iter()
                        .flat_map(|p| self.disk[&p.id].clone())
                        .collect();
                    self.disk.insert(info.id, bytes);
                    response
                }
                Outcome::ReadBody(mut plan) => {
                    let arrived = match fault {
                        Fault::CutBody(n) => body.len() * n as usize / 8,
                        _ => body.len(),
                    };
                    let data = self.disk.entry(plan.id).or_default();
                    data.truncate(plan.offset as usize);
                    data.extend_from_slice(&body[..arrived]);
                    plan.update(&body[..arrived]);
                    let end = if arrived == body.len() {
                        BodyEnd::Complete
                    } else {
                        BodyEnd::Interrupted
                    };
                    let f = self.server.finish_body(plan, arrived as u64, end, self.now);
                    self.disk
                        .get_mut(&f.id)
                        .unwrap()
                        .truncate((f.offset + f.keep) as usize);
                    let r = self.server.commit(f, true);
                    if end == BodyEnd::Interrupted {
                        return None;
                    }
                    r
                }
            };
            if matches!(fault, Fault::LostResponse) {
                None
            } else {
                Some(response)
            }
        }

        /// Drives `client` to the end; faults are used in order, then none. Checks progress.
        fn run(
            &mut self,
            client: &mut Client,
            file: &[u8],
            faults: &[Fault],
        ) -> Result<String, ClientError> {
            let mut faults = faults.iter().copied();
            let mut last = 0;
            for _ in 0..10_000 {
                while let Some(t) = client.poll_transmit(self.now) {
                    match self.exchange(&t, file, faults.next().unwrap_or(Fault::None)) {
                        Some(r) => client.handle_response(t.token, &r, self.now),
                        None => client.handle_failure(t.token, "fault", self.now),
                    }
                    let p = client.progress();
                    assert!(p.acked >= last, "progress went backwards");
                    assert!(p.acked <= p.total);
                    last = p.acked;
                }
                while let Some(e) = client.poll_event() {
                    match e {
                        Event::Done { url } => return Ok(url),
                        Event::Failed(e) => return Err(e),
                        Event::StateChanged => {}
                    }
                }
                let next = client
                    .poll_timeout()
                    .expect("stuck: nothing to send and nothing to wait for");
                assert!(next > self.now, "woken for nothing");
                self.now = next;
            }
            panic!("did not finish");
        }

        fn bytes_at(&self, url: &str) -> &[u8] {
            let id = UploadId::parse(url.rsplit('/').next().unwrap()).unwrap();
            &self.disk[&id]
        }
    }

    fn file(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 7 % 251) as u8).collect()
    }

    fn config(len: usize, chunk: u64, parallel: usize) -> ClientConfig {
        ClientConfig {
            chunk_size: chunk,
            parallel,
            ..ClientConfig::new("http://sim/files/", len as u64)
        }
    }

    #[test]
    fn uploads_in_chunks() {
        let f = file(23);
        let mut sim = Sim::new();
        let mut c = Client::new(config(23, 5, 1), None);
        let url = sim.run(&mut c, &f, &[]).unwrap();
        assert_eq!(sim.bytes_at(&url), f);
        let patches = sim.requests.iter().filter(|m| **m == Method::Patch).count();
        assert_eq!(patches, 5);
    }

    #[test]
    fn resumes_from_saved_state_with_only_missing_chunks() {
        let f = file(23);
        let mut sim = Sim::new();
        let mut c = Client::new(config(23, 5, 1), None);
        // Stop after two chunks are acknowledged, as if the process died.
        let mut saved = None;
        while c.progress().acked < 10 {
            let t = c.poll_transmit(sim.now).unwrap();
            let r = sim.exchange(&t, &f, Fault::None).unwrap();
            c.handle_response(t.token, &r, sim.now);
            saved = Some(c.resume_state());
        }
        sim.requests.clear();
        let mut c = Client::new(config(23, 5, 1), saved);
        let url = sim.run(&mut c, &f, &[]).unwrap();
        assert_eq!(sim.bytes_at(&url), f);
        assert_eq!(
            sim.requests,
            [
                Method::Options,
                Method::Head,
                Method::Patch,
                Method::Patch,
                Method::Patch
            ]
        );
    }

    #[test]
    fn parallel_parts_are_concatenated() {
        let f = file(100);
        let mut sim = Sim::new();
        let mut c = Client::new(config(100, 8, 3), None);
        assert_eq!(c.parts().len(), 3);
        let url = sim
            .run(
                &mut c,
                &f,
                &[Fault::None, Fault::Refused, Fault::CutBody(3)],
            )
            .unwrap();
        assert_eq!(sim.bytes_at(&url), f);
    }

    #[test]
    fn rejected_creation_fails_cleanly() {
        let mut sim = Sim::new();
        sim.server = Server::new(ServerConfig {
            max_size: 10,
            ..ServerConfig::default()
        });
        let mut c = Client::new(config(23, 5, 1), None);
        assert!(matches!(
            sim.run(&mut c, &file(23), &[]),
            Err(ClientError::TooLarge { max: 10, .. })
        ));
    }

    #[test]
    fn gives_up_after_the_backoff_runs_out() {
        let mut sim = Sim::new();
        let mut c = Client::new(config(23, 5, 1), None);
        let faults = [Fault::Refused; 100];
        assert!(matches!(
            sim.run(&mut c, &file(23), &faults),
            Err(ClientError::GaveUp { .. })
        ));
    }

    fn fault() -> impl Strategy<Value = Fault> {
        prop_oneof![
            4 => Just(Fault::None),
            1 => Just(Fault::Refused),
            1 => (0..8u8).prop_map(Fault::CutBody),
            1 => Just(Fault::LostResponse),
            1 => Just(Fault::Corrupt),
        ]
    }

    proptest! {
        /// Whatever the network does (within the retry budget), the upload ends byte-identical and
        /// the progress shown never moves backwards.
        #[test]
        fn survives_faults(len in 0usize..200, chunk in 1u64..40, parallel in 1usize..4,
                           faults in prop::collection::vec(fault(), 0..40)) {
            let f = file(len);
            let mut sim = Sim::new();
            let mut c = Client::new(config(len, chunk, parallel), None);
            let mut cfg = config(len, chunk, parallel);
            cfg.backoff.max_attempts = 100;
            c.config = cfg;
            let url = sim.run(&mut c, &f, &faults).unwrap();
            prop_assert_eq!(sim.bytes_at(&url), &f[..]);
        }
    }

    #[test]
    fn a_checksum_the_server_lacks_falls_back_to_sha1() {
        for (offered, asked, used) in [
            (
                "sha1,md5,sha256,crc32",
                ChecksumAlgorithm::Crc32,
                Some(ChecksumAlgorithm::Crc32),
            ),
            (
                "sha1",
                ChecksumAlgorithm::Crc32,
                Some(ChecksumAlgorithm::Sha1),
            ),
            ("md5", ChecksumAlgorithm::Crc32, None),
        ] {
            let f = file(23);
            let mut sim = Sim::new();
            let mut c = Client::new(
                ClientConfig {
                    checksum: Some(asked),
                    ..config(23, 5, 1)
                },
                None,
            );
            let t = c.poll_transmit(sim.now).unwrap();
            assert_eq!(t.request.method, Method::Options);
            let mut r = sim.exchange(&t, &f, Fault::None).unwrap();
            r.headers.set("Tus-Checksum-Algorithm", offered);
            c.handle_response(t.token, &r, sim.now);
            assert_eq!(c.checksum(), used, "server offers {offered}");
            let url = sim.run(&mut c, &f, &[]).unwrap();
            assert_eq!(sim.bytes_at(&url), f);
        }
    }
}
