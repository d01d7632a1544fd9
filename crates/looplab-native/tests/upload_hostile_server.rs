//! `looplab upload` against a hostile server on 127.0.0.1 that answers with a response head
//! that never ends: the client gives up with a clear error, quickly and in little memory.
#[path = "upload/common/mod.rs"]
mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Accepts connections until the test ends; each gets a status line and then header lines
/// as fast as the socket takes them.
fn endless_head_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { return };
            std::thread::spawn(move || {
                let _ = s.set_write_timeout(Some(Duration::from_secs(5)));
                let mut request = [0; 4096];
                let _ = s.read(&mut request);
                let lines = "X-Looplab-Test: aaaaaaaaaaaaaaaa\r\n".repeat(2048);
                let _ = s.write_all(b"HTTP/1.1 201 Created\r\n");
                while s.write_all(lines.as_bytes()).is_ok() {}
            });
        }
    });
    addr
}

/// Resident memory of a running process, in KiB (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn an_endless_response_head_fails_the_upload_quickly() {
    let dir = TempDir::new("hostile-head");
    let file = dir.join("f.bin");
    std::fs::write(&file, bytes(1000, 7)).unwrap();
    let endpoint = format!("http://{}/files/", endless_head_server());
    let mut child = Command::new(LOOPLAB)
        .args(["upload", file.to_str().unwrap(), "--endpoint", &endpoint])
        .args(["--quiet", "--retries", "2", "--state"])
        .arg(dir.join("state.json"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut peak = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        peak = peak.max(rss_kib(child.id()).unwrap_or(0));
        if started.elapsed() > Duration::from_secs(20) || peak > 256 << 10 {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "still running after {:?} with {peak} KiB resident",
                started.elapsed()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!status.success());
    assert!(
        stderr.contains("response head"),
        "the error says why: {stderr}"
    );
    eprintln!(
        "gave up after {:?}, peak {peak} KiB resident",
        started.elapsed()
    );
}
