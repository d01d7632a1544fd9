//! The server is killed with SIGKILL at random moments while 30 uploads run. After every
//! restart each upload must still be there with at least every byte it acknowledged, and in
//! the end every upload must be byte-identical (sha256) to its source.
mod common;

use std::collections::BTreeMap;
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;

const UPLOADS: u64 = 30;
const WORKERS: u64 = 3;

/// A small deterministic generator, seeded per run (the seed is printed).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[derive(Default)]
struct Ledger {
    /// Upload path -> highest offset the server acknowledged with a 204.
    acked: Mutex<BTreeMap<String, u64>>,
    finished: AtomicUsize,
}

/// Retries a request until the server answers (it may be down for a moment).
fn until_answered<T>(mut f: impl FnMut() -> std::io::Result<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(v) = f() {
            return v;
        }
        assert!(Instant::now() < deadline, "server did not come back");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A tus upload by hand, so every acknowledgement is seen and checked.
fn upload_by_hand(addr: &str, ledger: &Ledger, n: u64, seed: u64) {
    let mut rng = Rng(seed ^ (n + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let len = (256 << 10) + rng.below(2 << 20);
    let src = bytes(len as usize, seed + n);
    let path = until_answered(|| {
        let r = request(
            addr,
            "POST",
            "/files/",
            &[("Upload-Length", &len.to_string())],
            b"",
        )?;
        assert_eq!(r.status, 201);
        let loc = r.header("Location").unwrap();
        Ok(loc[loc.find("/files/").unwrap()..].to_owned())
    });
    ledger.acked.lock().unwrap().insert(path.clone(), 0);
    let mut offset = 0u64;
    while offset < len {
        let end = (offset + (32 << 10) + rng.below(512 << 10)).min(len);
        let body = &src[offset as usize..end as usize];
        let checksum = checksum(body);
        let extra: Vec<(&str, &str)> = if n % 2 == 1 {
            vec![("Upload-Checksum", &checksum)]
        } else {
            vec![]
        };
        match patch(addr, &path, offset, body, &extra) {
            Ok(r) if r.status == 204 => {
                let o = r.offset();
                assert_eq!(o, end, "a complete PATCH stores the whole body");
                let mut acked = ledger.acked.lock().unwrap();
                assert!(o >= acked[&path], "offset went backwards");
                acked.insert(path.clone(), o);
                offset = o;
            }
            Ok(r) if matches!(r.status, 409 | 423) => offset = resync(addr, ledger, &path),
            Ok(r) => panic!(
                "unexpected {} for {path}: {}",
                r.status,
                String::from_utf8_lossy(&r.body)
            ),
            Err(_) => offset = resync(addr, ledger, &path),
        }
    }
    finish(addr, &path, &src);
    ledger.finished.fetch_add(1, Ordering::SeqCst);
}

/// After a failure: the server's offset, which must cover everything acknowledged.
fn resync(addr: &str, ledger: &Ledger, path: &str) -> u64 {
    std::thread::sleep(Duration::from_millis(10));
    let r = until_answered(|| head(addr, path));
    assert_eq!(r.status, 200, "upload {path} lost after a restart");
    let o = r.offset();
    let acked = ledger.acked.lock().unwrap()[path];
    assert!(
        o >= acked,
        "{path}: server says {o} but {acked} bytes were acknowledged"
    );
    o
}

fn finish(addr: &str, path: &str, src: &[u8]) {
    let r = until_answered(|| request(addr, "GET", path, &[], b""));
    assert_eq!(r.status, 200);
    assert_eq!(
        sha256_hex(&r.body),
        sha256_hex(src),
        "{path} differs from its source"
    );
}

/// The same under our own client, which must resume by itself.
fn upload_with_client(addr: &str, dir: &TempDir, ledger: &Ledger, n: u64, seed: u64) {
    let src = bytes((1 << 20) + (n as usize * 4099), seed + n);
    let file = dir.join(&format!("client-{n}.bin"));
    std::fs::write(&file, &src).unwrap();
    let out = Command::new(LOOPLAB)
        .args([
            "upload",
            file.to_str().unwrap(),
            "--endpoint",
            &format!("http://{addr}/files/"),
        ])
        .args([
            "--chunk-size",
            "128K",
            "--retries",
            "60",
            "--quiet",
            "--state",
        ])
        .arg(dir.join("client-state.json"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "looplab upload failed: {stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let url = stdout.trim().rsplit(' ').next().unwrap();
    finish(addr, &url[url.find("/files/").unwrap()..], &src);
    ledger.finished.fetch_add(1, Ordering::SeqCst);
}

/// SIGKILLs of the server a run makes at the least.
const MIN_KILLS: u32 = 5;

#[test]
fn uploads_survive_sigkill_of_the_server() {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("seed {seed}");
    let dir = Arc::new(TempDir::new("crash"));
    let data = dir.join("data");
    let mut server = Server::start(&data, 0, &[]);
    let (addr, port) = (server.addr.clone(), server.port());
    let ledger = Arc::new(Ledger::default());
    let failed = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = (0..WORKERS)
        .map(|w| {
            let (addr, ledger, dir, failed) = (
                addr.clone(),
                Arc::clone(&ledger),
                Arc::clone(&dir),
                Arc::clone(&failed),
            );
            std::thread::spawn(move || {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    for n in (w..UPLOADS).step_by(WORKERS as usize) {
                        if n % 10 == 0 {
                            upload_with_client(&addr, &dir, &ledger, n, seed);
                        } else {
                            upload_by_hand(&addr, &ledger, n, seed);
                        }
                    }
                }));
                if result.is_err() {
                    failed.store(true, Ordering::SeqCst);
                }
            })
        })
        .collect();

    let mut rng = Rng(seed);
    let mut kills = 0;
    // At least MIN_KILLS, even when the uploads finish first on a fast machine: a kill after
    // they are done still checks that every acknowledged byte survives a restart.
    while (ledger.finished.load(Ordering::SeqCst) < UPLOADS as usize || kills < MIN_KILLS)
        && !failed.load(Ordering::SeqCst)
    {
        std::thread::sleep(Duration::from_millis(20 + rng.below(250)));
        server.kill();
        kills += 1;
        let before: BTreeMap<String, u64> = ledger.acked.lock().unwrap().clone();
        server = Server::start(&data, port, &[]);
        for (path, acked) in before {
            let r = head(&addr, &path).unwrap();
            assert_eq!(r.status, 200, "{path} missing after restart {kills}");
            assert!(
                r.offset() >= acked,
                "{path}: {} < {acked} acknowledged, after restart {kills}",
                r.offset()
            );
        }
    }
    for w in workers {
        w.join().unwrap();
    }
    assert!(
        !failed.load(Ordering::SeqCst),
        "an upload failed (seed {seed})"
    );
    println!("{UPLOADS} uploads finished across {kills} SIGKILLs of the server");
    assert!(
        kills >= MIN_KILLS,
        "only {kills} kills: the test did not test much"
    );
}
