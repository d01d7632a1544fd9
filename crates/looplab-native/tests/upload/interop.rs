//! Interoperability with clients and servers nobody here wrote: tus-js-client 4.3.1 and
//! @tus/server 2.4.5 (npm, installed into tests/node_modules if missing) and tuspy 1.1.0
//! (PyPI, installed with pip if missing).
mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::*;

const MIB: usize = 1 << 20;

/// Installs are shared state: one test at a time does them.
static SETUP: Mutex<()> = Mutex::new(());

fn npm_packages() {
    let _guard = SETUP.lock().unwrap_or_else(|e| e.into_inner());
    let modules = tests_dir().join("node_modules");
    let have = ["tus-js-client", "@tus/server", "@tus/file-store"]
        .iter()
        .all(|p| modules.join(p).join("package.json").exists());
    if !have {
        let st = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund"])
            .current_dir(tests_dir())
            .status()
            .expect("npm is needed for the interop tests");
        assert!(st.success(), "npm install in tests/ failed");
    }
}

fn tuspy() {
    let _guard = SETUP.lock().unwrap_or_else(|e| e.into_inner());
    let check = "import importlib.metadata as m; assert m.version('tuspy') == '1.1.0'";
    let ok = Command::new("python3")
        .args(["-c", check])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        let st = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "tuspy==1.1.0"])
            .status()
            .expect("python3 is needed for the interop tests");
        assert!(st.success(), "pip install tuspy==1.1.0 failed");
    }
}

/// A child process killed when dropped, so a failing test leaves nothing running.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn node(args: &[&str]) -> Proc {
    let child = Command::new("node")
        .args(args)
        .current_dir(tests_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node is needed for the interop tests");
    Proc(child)
}

fn tus_js(file: &str, endpoint: &str, store: &str) -> Proc {
    node(&["tus/tus_js_upload.mjs", file, endpoint, store])
}

/// The one upload in a data directory (by its record).
fn only_upload(data: &std::path::Path) -> String {
    let ids: Vec<String> = std::fs::read_dir(data)
        .unwrap()
        .filter_map(|e| {
            e.unwrap()
                .file_name()
                .to_str()?
                .strip_suffix(".info")
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    format!("/files/{}", ids[0])
}

fn count(json: &str, method: &str) -> usize {
    json.split(&format!("\"{method}\":")).nth(1).map_or(0, |s| {
        s.chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    })
}

#[test]
fn tus_js_client_resumes_after_its_process_is_killed() {
    npm_packages();
    let dir = TempDir::new("tusjs");
    let server = Server::start(&dir.join("data"), 0, &[]);
    let size = 23 * MIB;
    let src = bytes(size, 23);
    let file = dir.join("big.bin");
    std::fs::write(&file, &src).unwrap();
    let (file, store) = (file.to_str().unwrap().to_owned(), dir.join("urls.json"));
    let store = store.to_str().unwrap();

    // First run: killed (SIGKILL) once two chunks are acknowledged.
    let mut first = tus_js(&file, &server.endpoint(), store);
    let mut acked = 0;
    for line in BufReader::new(first.0.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if line.starts_with("acked ") {
            acked += 1;
            if acked == 2 {
                first.0.kill().unwrap();
                break;
            }
        }
    }
    assert_eq!(acked, 2, "tus-js-client ended before two chunks");
    let _ = first.0.wait();
    // The server logs the killed client's PATCH in flight when it sees that connection end,
    // which may be after the client is gone: count from when the log stops growing.
    let patches_before = settled_patches(&server);
    let path = only_upload(&server.data);
    let offset = head(&server.addr, &path).unwrap().offset() as usize;
    assert!(
        offset >= 10 * MIB && offset < size,
        "offset {offset} after the kill"
    );

    // Second run: a new process finds the URL and sends only what is missing.
    let mut second = tus_js(&file, &server.endpoint(), store);
    let mut stdout = String::new();
    second
        .0
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    assert!(second.0.wait().unwrap().success(), "{stdout}");
    let requests = stdout
        .lines()
        .find(|l| l.starts_with("requests "))
        .expect("request counts");
    let missing_chunks = (size - offset).div_ceil(5 * MIB);
    assert_eq!(
        count(requests, "PATCH"),
        missing_chunks,
        "{requests} after offset {offset}"
    );
    assert_eq!(
        (count(requests, "HEAD"), count(requests, "POST")),
        (1, 0),
        "{requests}"
    );
    let patches_after = patches(&server);
    assert_eq!(
        patches_after - patches_before,
        missing_chunks,
        "PATCHes the server saw"
    );
    assert!(
        stdout.contains(&format!("done http://{}{path}", server.addr)),
        "{stdout}"
    );
    assert_eq!(
        sha256_hex(&stored(&server.data, &path)),
        sha256_hex(&src),
        "not byte-identical"
    );
}

#[test]
fn tuspy_checksums_are_verified() {
    tuspy();
    let dir = TempDir::new("tuspy");
    let server = Server::start(&dir.join("data"), 0, &[]);
    let src = bytes(3 * MIB + 1234, 7);
    let file = dir.join("file.bin");
    std::fs::write(&file, &src).unwrap();
    let out = Command::new("python3")
        .arg(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/upload/tuspy_checksum.py"),
        )
        .args([&server.endpoint(), file.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let good = stdout
        .lines()
        .find_map(|l| l.strip_prefix("good "))
        .expect("good upload");
    let bad = stdout
        .lines()
        .find_map(|l| l.strip_prefix("bad "))
        .expect("bad upload");
    let (status, bad_url) = bad.split_once(' ').unwrap();
    assert_eq!(status, "460", "a bad checksum must get 460");
    let path = |url: &str| url[url.find("/files/").unwrap()..].to_owned();
    assert_eq!(
        sha256_hex(&stored(&server.data, &path(good))),
        sha256_hex(&src)
    );
    assert_eq!(
        head(&server.addr, &path(bad_url)).unwrap().offset(),
        0,
        "the bad chunk was discarded"
    );
    let log = server.log_lines();
    assert_eq!(
        log.iter()
            .filter(|l| l.starts_with("PATCH") && l.contains(" 204 "))
            .count(),
        4
    );
    assert_eq!(
        log.iter()
            .filter(|l| l.starts_with("PATCH") && l.contains(" 460 "))
            .count(),
        1
    );
}

#[test]
fn our_client_against_tus_server_resumes_and_lands_identical() {
    npm_packages();
    let dir = TempDir::new("tusserver");
    let store_dir = dir.join("store");
    std::fs::create_dir_all(&store_dir).unwrap();
    let mut tus = node(&["tus/tus_server.mjs", store_dir.to_str().unwrap()]);
    let mut line = String::new();
    BufReader::new(tus.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .trim()
        .strip_prefix("listening ")
        .expect("@tus/server port");
    let endpoint = format!("http://127.0.0.1:{port}/files/");
    let size = 23 * MIB;
    let src = bytes(size, 5);
    let file = dir.join("big.bin");
    std::fs::write(&file, &src).unwrap();
    let upload = || {
        let mut c = Command::new(LOOPLAB);
        c.args([
            "upload",
            file.to_str().unwrap(),
            "--endpoint",
            &endpoint,
            "--chunk-size",
            "1M",
            "-q",
        ]);
        c.arg("--state").arg(dir.join("state.json"));
        c
    };

    // Killed part way (once @tus/server holds 4 MiB), then run again.
    let mut first = Proc(upload().stdout(Stdio::null()).spawn().unwrap());
    let deadline = Instant::now() + Duration::from_secs(30);
    let stored_len = || {
        std::fs::read_dir(&store_dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| !e.file_name().to_string_lossy().ends_with(".json"))
            .map(|e| e.metadata().unwrap().len())
            .max()
            .unwrap_or(0)
    };
    while stored_len() < 4 * MIB as u64 {
        assert!(Instant::now() < deadline, "no progress against @tus/server");
        assert!(
            first.0.try_wait().unwrap().is_none(),
            "finished before it could be interrupted"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    first.0.kill().unwrap();
    let _ = first.0.wait();
    let out = upload().output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("resumed and uploaded"), "{stdout}");
    let url = stdout.trim().rsplit(' ').next().unwrap();
    let id = url.rsplit('/').next().unwrap();
    assert_eq!(
        sha256_hex(&std::fs::read(store_dir.join(id)).unwrap()),
        sha256_hex(&src),
        "not byte-identical"
    );
}

/// PATCH requests in the server's log.
fn patches(server: &Server) -> usize {
    server
        .log_lines()
        .iter()
        .filter(|l| l.starts_with("PATCH"))
        .count()
}

/// PATCH requests in the server's log once it has not grown for half a second (at most 10 s).
fn settled_patches(server: &Server) -> usize {
    let mut seen = patches(server);
    for _ in 0..20 {
        std::thread::sleep(Duration::from_millis(500));
        let now = patches(server);
        if now == seen {
            break;
        }
        seen = now;
    }
    seen
}
