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
        let outcome = self
            .server
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
