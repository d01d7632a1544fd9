//! A resumable upload over a simulated connection, for the page's upload view: the very `Client`
//! and `Server` that `looplab upload` and `looplab serve` run, a link with bandwidth and latency,
//! storage that survives a server restart, and faults a learner can inject.
//!
//! Time is virtual (milliseconds) and everything is deterministic: the same config and the same
//! faults at the same steps give the same run. File bytes are generated, not stored, so a 10 GB
//! file costs nothing unless checksums ask for its bytes.
use std::collections::BTreeMap;

pub use crate::Block;
use crate::{
    BodyEnd, BodyPlan, BodyRange, Checksum, Client, ClientConfig, ClientRequest, Event, Instant,
    Method, Outcome, Progress, Request, Response, Server, ServerConfig, Token, UploadId,
    UploadInfo,
};

const ENDPOINT: &str = "http://upload.example/files/";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimConfig {
    pub length: u64,
    pub chunk_size: u64,
    /// Parts uploaded at once (concatenation); 1 is one upload.
    pub parallel: usize,
    /// Link speed.
    pub bytes_per_ms: u64,
    /// One-way latency.
    pub latency_ms: u64,
    /// Send `Upload-Checksum: sha1` with every chunk (needed to catch a corrupted chunk).
    pub checksum: bool,
    /// How long a restarting server refuses connections.
    pub restart_ms: u64,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            length: 100 << 20,
            chunk_size: 5 << 20,
            parallel: 1,
            bytes_per_ms: 10 << 10,
            latency_ms: 20,
            checksum: true,
            restart_ms: 300,
        }
    }
}

/// What a learner can do to the upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Every open connection breaks: bodies stop where they are.
    DropConnection,
    /// The server process dies and comes back: what it made durable survives, nothing else.
    RestartServer,
    /// The next chunk arrives with one byte flipped.
    CorruptNextChunk,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimEvent {
    Request {
        method: String,
        url: String,
        body: Option<(u64, u64)>,
    },
    Response {
        method: String,
        status: u16,
        offset: Option<u64>,
    },
    /// A request got no response.
    Failed {
        method: String,
        why: String,
    },
    Fault(Fault),
    /// A body's bytes were dropped: sent but not kept.
    Lost {
        start: u64,
        end: u64,
    },
    Done {
        url: String,
    },
    GaveUp(String),
}

#[derive(Debug)]
enum Stage {
    /// The head travels to the server.
    ToServer { at: u64 },
    /// The server reads the body.
    Streaming {
        plan: Option<Box<BodyPlan>>,
        range: BodyRange,
        received: u64,
        corrupt: bool,
    },
    /// The response travels back.
    ToClient { at: u64, response: Response },
}

#[derive(Debug)]
struct Flight {
    token: Token,
    request: ClientRequest,
    stage: Stage,
}

#[derive(Debug)]
pub struct Simulation {
    config: SimConfig,
    now: u64,
    client: Client,
    server: Server,
    /// What the server made durable: the records it would find after a restart.
    durable: BTreeMap<UploadId, UploadInfo>,
    server_down_until: Option<u64>,
    flights: Vec<Flight>,
    corrupt_next: bool,
    next_id: u64,
    lost: Vec<(u64, u64)>,
    events: Vec<(u64, SimEvent)>,
    finished: Option<Result<String, String>>,
}

/// The file's byte at `i`: generated, so no file has to exist.
fn byte_at(i: u64) -> u8 {
    (i.wrapping_mul(2_654_435_761) >> 13) as u8
}

fn bytes(start: u64, end: u64) -> Vec<u8> {
    (start..end).map(byte_at).collect()
}

fn path_of(url: &str) -> String {
    match url
        .find("://")
        .and_then(|i| url[i + 3..].find('/').map(|j| i + 3 + j))
    {
        Some(p) => url[p..].to_string(),
        None => "/".to_string(),
    }
}

impl Simulation {
    pub fn new(config: SimConfig) -> Self {
        let mut client_config = ClientConfig::new(ENDPOINT, config.length);
        client_config.chunk_size = config.chunk_size.max(1);
        client_config.parallel = config.parallel.max(1);
        if !config.checksum {
            client_config.checksum = None;
        }
        Simulation {
            client: Client::new(client_config, None),
            server: Server::new(Self::server_config()),
            config,
            now: 0,
            durable: BTreeMap::new(),
            server_down_until: None,
            flights: Vec::new(),
            corrupt_next: false,
            next_id: 0,
            lost: Vec::new(),
            events: Vec::new(),
            finished: None,
        }
    }

    fn server_config() -> ServerConfig {
        ServerConfig {
            base_path: "/files/".into(),
            ..ServerConfig::default()
        }
    }

    pub fn config(&self) -> &SimConfig {
        &self.config
    }

    /// Virtual milliseconds since the upload started.
    pub fn now(&self) -> u64 {
        self.now
    }

    pub fn events(&self) -> &[(u64, SimEvent)] {
        &self.events
    }

    /// Acknowledged bytes (never backwards), bytes on the wire, total.
    pub fn progress(&self) -> Progress {
        self.client.progress()
    }

    /// `Some(Ok(url))` once the file is on the server, `Some(Err(why))` if the client gave up.
    pub fn finished(&self) -> Option<&Result<String, String>> {
        self.finished.as_ref()
    }

    fn event(&mut self, event: SimEvent) {
        self.events.push((self.now, event));
    }

    fn instant(&self) -> Instant {
        Instant::from_millis(self.now)
    }

    /// Sends what the client wants to send now.
    fn send(&mut self) {
        while let Some(t) = self.client.poll_transmit(self.instant()) {
            let body = t.request.body.map(|b| (b.start, b.end));
            self.event(SimEvent::Request {
                method: t.request.method.to_string(),
                url: t.request.url.clone(),
                body,
            });
            let at = self.now + self.config.latency_ms;
            self.flights.push(Flight {
                token: t.token,
                request: t.request,
                stage: Stage::ToServer { at },
            });
        }
    }

    /// When the next thing happens.
    fn next_time(&self) -> Option<u64> {
        let streaming = self.streaming_count().max(1) as u64;
        let rate = (self.config.bytes_per_ms / streaming).max(1);
        let flights = self.flights.iter().map(|f| match &f.stage {
            Stage::ToServer { at } | Stage::ToClient { at, .. } => *at,
            Stage::Streaming {
                range, received, ..
            } => {
                let left = (range.end - range.start).saturating_sub(*received);
                self.now + left.div_ceil(rate).max(1)
            }
        });
        let retry = self.client.poll_timeout().map(Instant::as_millis);
        flights.chain(retry).chain(self.server_down_until).min()
    }

    fn streaming_count(&self) -> usize {
        self.flights
            .iter()
            .filter(|f| matches!(f.stage, Stage::Streaming { .. }))
            .count()
    }

    /// Advances to the next event. Returns false once the upload finished or gave up.
    pub fn step(&mut self) -> bool {
        if self.finished.is_some() {
            return false;
        }
        self.send();
        let Some(next) = self.next_time() else {
            return false;
        };
        let next = next.max(self.now);
        self.stream_until(next);
        self.now = next;
        if self.server_down_until.is_some_and(|t| t <= self.now) {
            self.server_down_until = None;
        }
        let due: Vec<usize> = (0..self.flights.len())
            .filter(|&i| self.is_due(i))
            .collect();
        // Handle from the back so indices stay valid while flights finish.
        for i in due.into_iter().rev() {
            self.advance_flight(i);
        }
        self.drain_client_events();
        self.send();
        self.finished.is_none()
    }

    /// Runs until the upload ends or `max_steps` pass.
    pub fn run(&mut self, max_steps: usize) {
        for _ in 0..max_steps {
            if !self.step() {
                break;
            }
        }
    }

    fn is_due(&self, i: usize) -> bool {
        match &self.flights[i].stage {
            Stage::ToServer { at } | Stage::ToClient { at, .. } => *at <= self.now,
            Stage::Streaming {
                range, received, ..
            } => *received >= range.end - range.start,
        }
    }

    fn stream_until(&mut self, next: u64) {
        let dt = next.saturating_sub(self.now);
        let streaming = self.streaming_count().max(1) as u64;
        let budget = dt * (self.config.bytes_per_ms / streaming).max(1);
        for f in &mut self.flights {
            if let Stage::Streaming {
                range, received, ..
            } = &mut f.stage
            {
                *received = (*received + budget).min(range.end - range.start);
                self.client.on_sent(f.token, *received);
            }
        }
    }

    fn advance_flight(&mut self, i: usize) {
        let stage = std::mem::replace(&mut self.flights[i].stage, Stage::ToServer { at: u64::MAX });
        match stage {
            Stage::ToServer { .. } => self.arrive(i),
            Stage::Streaming {
                plan,
                range,
                received,
                corrupt,
            } => {
                let response = self.finish_body(plan, range, received, corrupt, BodyEnd::Complete);
                self.respond(i, response);
            }
            Stage::ToClient { response, .. } => {
                let flight = self.flights.remove(i);
                let offset = response
                    .headers
                    .get("Upload-Offset")
                    .and_then(crate::parse_u64);
                self.event(SimEvent::Response {
                    method: flight.request.method.to_string(),
                    status: response.status,
                    offset,
                });
                self.client
                    .handle_response(flight.token, &response, self.instant());
            }
        }
    }

    /// A request head reaches the server (or finds it down).
    fn arrive(&mut self, i: usize) {
        if self.server_down_until.is_some() {
            let flight = self.flights.remove(i);
            self.fail(flight, "connection refused: the server is restarting");
            return;
        }
        let req = &self.flights[i].request;
        let mut request = Request::new(req.method.clone(), path_of(&req.url));
        request.headers = req.headers.clone();
        request.headers.set("Host", "upload.example");
        let mut corrupt = false;
        if let Some(body) = req.body {
            request
                .headers
                .set("Content-Length", (body.end - body.start).to_string());
            if let Some(alg) = body.checksum {
                let digest = Checksum::of(alg, &bytes(body.start, body.end));
                request
                    .headers
                    .set("Upload-Checksum", digest.header_value());
            }
            if req.method == Method::Patch {
                corrupt = std::mem::take(&mut self.corrupt_next);
            }
        }
        let body = req.body;
        self.next_id += 1;
        let mut id = [0u8; 16];
        id[8..].copy_from_slice(&self.next_id.to_be_bytes());
        let outcome = self
            .server
            .handle(&request, self.instant(), UploadId::from_bytes(id));
        let response = match outcome {
            Outcome::Respond(r) | Outcome::Download { response: r, .. } => r,
            Outcome::Create { info, response } | Outcome::Concatenate { info, response, .. } => {
                self.durable.insert(info.id, info);
                response
            }
            Outcome::Delete { id, response } => {
                self.durable.remove(&id);
                response
            }
            Outcome::ReadBody(plan) => {
                if let Some(created) = &plan.created {
                    self.durable.insert(created.id, created.clone());
                }
                let range = body.unwrap_or(BodyRange {
                    start: 0,
                    end: 0,
                    checksum: None,
                });
                self.flights[i].stage = Stage::Streaming {
                    plan: Some(Box::new(plan)),
                    range,
                    received: 0,
                    corrupt,
                };
                return;
            }
        };
        self.respond(i, response);
    }

    fn respond(&mut self, i: usize, response: Response) {
        let at = self.now + self.config.latency_ms;
        self.flights[i].stage = Stage::ToClient { at, response };
    }

    /// The server decides what of a body to keep, makes it durable, and answers.
    fn finish_body(
        &mut self,
        plan: Option<Box<BodyPlan>>,
        range: BodyRange,
        received: u64,
        corrupt: bool,
        end: BodyEnd,
    ) -> Response {
        let Some(mut plan) = plan else {
            return Response::new(500);
        };
        if self.config.checksum {
            let mut body = bytes(range.start, range.start + received);
            if corrupt && let Some(b) = body.first_mut() {
                *b ^= 0xff;
            }
            plan.update(&body);
        }
        let finish = self
            .server
            .finish_body(*plan, received, end, self.instant());
        if finish.keep < received {
            let start = range.start + finish.keep;
            self.lost.push((start, range.start + received));
            self.event(SimEvent::Lost {
                start,
                end: range.start + received,
            });
        }
        if let Some(info) = &finish.info {
            self.durable.insert(info.id, info.clone());
        }
        self.server.commit(finish, true)
    }

    fn fail(&mut self, flight: Flight, why: &str) {
        self.event(SimEvent::Failed {
            method: flight.request.method.to_string(),
            why: why.to_string(),
        });
        self.client
            .handle_failure(flight.token, why, self.instant());
    }

    fn drain_client_events(&mut self) {
        while let Some(event) = self.client.poll_event() {
            match event {
                Event::StateChanged => {}
                Event::Done { url } => {
                    self.event(SimEvent::Done { url: url.clone() });
                    self.finished = Some(Ok(url));
                }
                Event::Failed(e) => {
                    self.event(SimEvent::GaveUp(e.to_string()));
                    self.finished = Some(Err(e.to_string()));
                }
            }
        }
    }

    /// Injects a fault now.
    pub fn inject(&mut self, fault: Fault) {
        self.event(SimEvent::Fault(fault));
        match fault {
            Fault::CorruptNextChunk => self.corrupt_next = true,
            Fault::DropConnection => {
                for flight in std::mem::take(&mut self.flights) {
                    self.break_flight(flight, false, "the connection dropped");
                }
            }
            Fault::RestartServer => {
                for flight in std::mem::take(&mut self.flights) {
                    self.break_flight(flight, true, "the server went away");
                }
                // Only what was made durable survives; locks and half-read bodies do not.
                self.server = Server::new(Self::server_config());
                for info in self.durable.values() {
                    self.server.restore(info.clone());
                }
                self.server_down_until = Some(self.now + self.config.restart_ms);
            }
        }
        self.drain_client_events();
    }

    /// A connection breaks under a flight. A body the server was reading ends there: after a drop
    /// the server keeps what arrived (when no checksum is asked); after a crash, nothing unsaved.
    fn break_flight(&mut self, mut flight: Flight, crashed: bool, why: &str) {
        if let Stage::Streaming {
            plan,
            range,
            received,
            corrupt,
        } = std::mem::replace(&mut flight.stage, Stage::ToServer { at: 0 })
        {
            if crashed {
                if received > 0 {
                    self.lost.push((range.start, range.start + received));
                    self.event(SimEvent::Lost {
                        start: range.start,
                        end: range.start + received,
                    });
                }
            } else {
                self.finish_body(plan, range, received, corrupt, BodyEnd::Interrupted);
            }
        }
        self.fail(flight, why);
    }

    /// The file as chunk-sized blocks: acknowledged, on the wire, lost or pending.
    pub fn blocks(&self) -> Vec<Block> {
        let chunk = self.config.chunk_size.max(1);
        let acked = self.client.acked_ranges();
        let in_flight: Vec<(u64, u64)> = self
            .flights
            .iter()
            .filter_map(|f| match &f.stage {
                Stage::Streaming {
                    range, received, ..
                } => Some((range.start, range.start + received)),
                _ => None,
            })
            .collect();
        crate::blocks(self.config.length, chunk, &acked, &in_flight, &self.lost)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 23 units in chunks of 5, like the 23 MiB interop test, at a size debug builds hash fast.
    const UNIT: u64 = 64 << 10;

    fn small() -> SimConfig {
        SimConfig {
            length: 23 * UNIT,
            chunk_size: 5 * UNIT,
            ..SimConfig::default()
        }
    }

    fn patches(sim: &Simulation) -> usize {
        sim.events()
            .iter()
            .filter(|(_, e)| matches!(e, SimEvent::Request { method, .. } if method == "PATCH"))
            .count()
    }

    #[test]
    fn an_upload_without_faults_sends_each_chunk_once() {
        let mut sim = Simulation::new(small());
        sim.run(10_000);
        assert!(matches!(sim.finished(), Some(Ok(_))), "{:?}", sim.events());
        assert_eq!(patches(&sim), 5);
        let p = sim.progress();
        assert_eq!((p.acked, p.total), (23 * UNIT, 23 * UNIT));
        assert!(sim.blocks().iter().all(|b| b.acked == b.end - b.start));
    }

    #[test]
    fn a_dropped_connection_resumes_with_only_the_missing_bytes() {
        let mut sim = Simulation::new(SimConfig {
            checksum: false,
            ..small()
        });
        // Run until the third chunk is half sent.
        while sim.progress().sent < 12 * UNIT {
            assert!(sim.step());
        }
        let acked_before = sim.progress().acked;
        sim.inject(Fault::DropConnection);
        assert!(
            sim.progress().acked >= acked_before,
            "progress never moves backwards"
        );
        sim.run(10_000);
        assert!(matches!(sim.finished(), Some(Ok(_))));
        // Without checksums the server kept the half chunk: the client asks where to resume (HEAD)
        // and sends only what is missing.
        let heads = sim
            .events()
            .iter()
            .filter(|(_, e)| matches!(e, SimEvent::Request { method, .. } if method == "HEAD"))
            .count();
        assert_eq!(heads, 1);
        let resent: u64 = sim
            .events()
            .iter()
            .filter_map(|(_, e)| match e {
                SimEvent::Request {
                    body: Some((s, e)), ..
                } => Some(e - s),
                _ => None,
            })
            .sum();
        assert_eq!(
            resent,
            23 * UNIT,
            "every byte went over the wire exactly once"
        );
    }

    #[test]
    fn a_server_restart_keeps_acknowledged_bytes() {
        let mut sim = Simulation::new(small());
        while sim.progress().acked < 10 * UNIT {
            assert!(sim.step());
        }
        let acked = sim.progress().acked;
        sim.inject(Fault::RestartServer);
        sim.run(10_000);
        assert!(matches!(sim.finished(), Some(Ok(_))), "{:?}", sim.events());
        assert!(sim.progress().acked >= acked);
        let refused = sim
            .events()
            .iter()
            .any(|(_, e)| matches!(e, SimEvent::Failed { why, .. } if why.contains("restarting")));
        let lost = sim
            .events()
            .iter()
            .any(|(_, e)| matches!(e, SimEvent::Lost { .. }));
        assert!(refused || lost, "{:?}", sim.events());
    }

    #[test]
    fn a_corrupted_chunk_is_refused_with_460_and_sent_again() {
        let mut sim = Simulation::new(small());
        sim.inject(Fault::CorruptNextChunk);
        sim.run(10_000);
        assert!(matches!(sim.finished(), Some(Ok(_))), "{:?}", sim.events());
        let statuses: Vec<u16> = sim
            .events()
            .iter()
            .filter_map(|(_, e)| match e {
                SimEvent::Response { method, status, .. } if method == "PATCH" => Some(*status),
                _ => None,
            })
            .collect();
        assert_eq!(
            statuses.iter().filter(|&&s| s == 460).count(),
            1,
            "{statuses:?}"
        );
        assert_eq!(patches(&sim), 6);
    }

    #[test]
    fn a_ten_gigabyte_upload_runs_without_its_bytes() {
        let config = SimConfig {
            length: 10 << 30,
            checksum: false,
            bytes_per_ms: 100 << 10,
            ..SimConfig::default()
        };
        let mut sim = Simulation::new(config);
        while sim.progress().acked < (10u64 << 30) / 20 {
            assert!(sim.step());
        }
        sim.inject(Fault::DropConnection);
        sim.run(100_000);
        assert!(matches!(sim.finished(), Some(Ok(_))));
        assert_eq!(sim.blocks().len(), 2048);
    }
}
