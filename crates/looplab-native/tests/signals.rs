//! Signals from outside under `looplab run --real`, side by side with node: a SIGINT listener hears
//! Ctrl-C instead of the process dying, and without one SIGINT kills the process as it kills node.
//! Each script prints `ready` once its server listens; the test then sends SIGINT with kill(1).
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(60);

fn have_node() -> bool {
    Command::new("node").arg("--version").output().is_ok()
}

/// Runs `program args.. script`, sends SIGINT after it says `ready`, and returns its status and
/// all it printed.
fn interrupt(program: &str, args: &[&str], script: &str) -> (ExitStatus, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut child = Command::new(program)
        .args(args)
        .arg(script)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("start {program}: {e}"));
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("the first line");
    assert_eq!(first, "ready\n", "{program} {script}");
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success(), "kill -INT failed");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("{program} {script} did not end after SIGINT");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut rest = String::new();
    out.read_to_string(&mut rest).expect("stdout");
    (status, first + &rest)
}

fn looplab(script: &str) -> (ExitStatus, String) {
    interrupt(env!("CARGO_BIN_EXE_looplab"), &["run", "--real"], script)
}

#[test]
fn a_sigint_listener_hears_ctrl_c_and_the_process_ends_on_its_own() {
    let (status, out) = looplab("sigint-listener.js");
    let expected = "ready\nheard SIGINT 2 (1)\nserver closed\nexit 0\n";
    assert_eq!(out, expected);
    assert_eq!(status.code(), Some(0), "{status}");
    if have_node() {
        let (node_status, node_out) = interrupt("node", &[], "sigint-listener.js");
        assert_eq!(node_out, expected, "node");
        assert_eq!(node_status.code(), Some(0), "node: {node_status}");
    }
}

#[test]
fn without_a_listener_sigint_kills_the_process_as_it_kills_node() {
    let (status, out) = looplab("sigint-default.js");
    assert_eq!(out, "ready\n", "no 'exit' listener runs");
    assert_eq!(status.signal(), Some(2), "killed by SIGINT: {status}");
    if have_node() {
        let (node_status, node_out) = interrupt("node", &[], "sigint-default.js");
        assert_eq!(node_out, "ready\n", "node");
        assert_eq!(node_status.signal(), Some(2), "node: {node_status}");
    }
}
