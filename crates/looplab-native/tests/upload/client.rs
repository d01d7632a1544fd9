//! `looplab upload` as a user runs it: Ctrl-C and a rerun that resumes, parallel parts,
//! and a clear failure when the server refuses the file.
mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn upload(
    file: &std::path::Path,
    endpoint: &str,
    state: &std::path::Path,
    extra: &[&str],
) -> Command {
    let mut c = Command::new(LOOPLAB);
    c.args([
        "upload",
        file.to_str().unwrap(),
        "--endpoint",
        endpoint,
        "--quiet",
        "--state",
    ]);
    c.arg(state).args(extra);
    c
}

#[test]
fn ctrl_c_stops_cleanly_and_a_rerun_resumes() {
    let dir = TempDir::new("ctrlc");
    let server = Server::start(&dir.join("data"), 0, &[]);
    let src = bytes(8 << 20, 11);
    let file = dir.join("big.bin");
    std::fs::write(&file, &src).unwrap();
    let state = dir.join("state.json");
    let mut child = upload(&file, &server.endpoint(), &state, &["--chunk-size", "128K"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Ctrl-C once the server holds 1 MiB.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let held = std::fs::read_dir(&server.data)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().len() == 32)
            .map(|e| e.metadata().unwrap().len())
            .max()
            .unwrap_or(0);
        if held >= 1 << 20 {
            break;
        }
        assert!(
            Instant::now() < deadline && child.try_wait().unwrap().is_none(),
            "no chance to interrupt"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let st = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(st.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("run the same command again to resume"),
        "{stderr}"
    );
    let upload_path = |data: &std::path::Path| {
        let name = std::fs::read_dir(data)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .find(|n| n.len() == 32)
            .unwrap();
        format!("/files/{name}")
    };
    // The server keeps the interrupted chunk's bytes as soon as it sees the connection end.
    let path = upload_path(&server.data);
    let mut offset = head(&server.addr, &path).unwrap().offset();
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let now = head(&server.addr, &path).unwrap().offset();
        if now == offset {
            break;
        }
        offset = now;
    }
    let missing = (src.len() as u64 - offset).div_ceil(128 << 10) as usize;
    let patches_before = server
        .log_lines()
        .iter()
        .filter(|l| l.starts_with("PATCH"))
        .count();

    let out = upload(&file, &server.endpoint(), &state, &["--chunk-size", "128K"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("resumed and uploaded"), "{stdout}");
    assert!(
        stdout.contains("verified by the server with crc32"),
        "{stdout}"
    );
    let url = stdout.trim().rsplit(' ').next().unwrap();
    let path = &url[url.find("/files/").unwrap()..];
    assert_eq!(sha256_hex(&stored(&server.data, path)), sha256_hex(&src));
    let log = server.log_lines();
    assert_eq!(
        log.iter().filter(|l| l.starts_with("POST")).count(),
        1,
        "resumed, not restarted"
    );
    let patches_after = log.iter().filter(|l| l.starts_with("PATCH")).count() - patches_before;
    assert_eq!(
        patches_after, missing,
        "only the missing chunks after offset {offset}"
    );
    assert_eq!(
        std::fs::read_to_string(&state).unwrap().trim(),
        "{}",
        "state entry removed when done"
    );
}

#[test]
fn parallel_parts_are_concatenated_identically() {
    let dir = TempDir::new("parallel");
    let server = Server::start(&dir.join("data"), 0, &[]);
    let src = bytes((7 << 20) + 12345, 13);
    let file = dir.join("f.bin");
    std::fs::write(&file, &src).unwrap();
    let out = upload(
        &file,
        &server.endpoint(),
        &dir.join("s.json"),
        &["--parallel", "3", "--chunk-size", "1M"],
    )
    .output()
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let url = stdout.trim().rsplit(' ').next().unwrap();
    let r = request(
        &server.addr,
        "HEAD",
        &url[url.find("/files/").unwrap()..],
        &[],
        b"",
    )
    .unwrap();
    assert!(r.header("Upload-Concat").unwrap().starts_with("final;"));
    let got = request(
        &server.addr,
        "GET",
        &url[url.find("/files/").unwrap()..],
        &[],
        b"",
    )
    .unwrap();
    assert_eq!(sha256_hex(&got.body), sha256_hex(&src));
    let posts = server
        .log_lines()
        .iter()
        .filter(|l| l.starts_with("POST"))
        .count();
    assert_eq!(posts, 4, "three partial uploads and the final one");
}

#[test]
fn a_refused_file_is_a_clear_error() {
    let dir = TempDir::new("refused");
    let server = Server::start(&dir.join("data"), 0, &["--max-size", "1000"]);
    let file = dir.join("f.bin");
    std::fs::write(&file, bytes(5000, 1)).unwrap();
    let out = upload(&file, &server.endpoint(), &dir.join("s.json"), &[])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("larger than the server accepts (1000 bytes)"),
        "{stderr}"
    );
    let out = upload(
        &file,
        "https://127.0.0.1:1/files/",
        &dir.join("s.json"),
        &[],
    )
    .output()
    .unwrap();
    assert!(!out.status.success());
}
