//! Real clients against servers written in plain Node and run by `looplab run --real`: the `ws`
//! npm client (tests/node_modules) talks to a hand-written WebSocket echo server, and Node's own
//! `net` client to a TCP echo server. Everything stays on 127.0.0.1 with ports the OS picks, and
//! each server script closes itself after its client, so the processes end on their own.
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Output, Stdio};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(60);

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

fn have_node() -> bool {
    Command::new("node").arg("--version").output().is_ok()
}

/// Starts `looplab run --real <script>` and reads the port from its first line.
fn start(script: &str, args: &[&str]) -> (Child, BufReader<ChildStdout>, u16) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut child = Command::new(env!("CARGO_BIN_EXE_looplab"))
        .args(["run", "--real", script])
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start looplab");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("first line");
    let port = line
        .trim()
        .strip_prefix("listening ")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("expected `listening <port>`, got {line:?}"));
    (child, out, port)
}

/// Waits for the server to end by itself; returns the rest of its stdout and its stderr.
fn finish(mut child: Child, mut out: BufReader<ChildStdout>) -> (String, String) {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut rest = String::new();
            out.read_to_string(&mut rest).expect("stdout");
            let mut err = String::new();
            child
                .stderr
                .take()
                .expect("stderr")
                .read_to_string(&mut err)
                .expect("stderr");
            assert!(status.success(), "looplab exited with {status}: {err}");
            return (rest, err);
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("the server did not end by itself");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs a Node client with the test tools' packages on its require path.
fn node(code: &str, port: u16) -> Output {
    let mut child = Command::new("node")
        .args(["-e", code, &port.to_string()])
        .env("NODE_PATH", repo().join("tests/node_modules"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start node");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("the client did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("client output")
}

const WS_CLIENT: &str = r#"
const WebSocket = require('ws');
const ws = new WebSocket(`ws://127.0.0.1:${process.argv[1]}/echo`);
const got = [];
ws.on('open', () => {
  ws.ping('p');
  ws.send('hello over a real socket');
  ws.send(Buffer.alloc(70000, 7));
});
ws.on('pong', (d) => got.push(`pong ${d}`));
ws.on('message', (data, isBinary) => {
  got.push(isBinary ? `binary ${data.length} ${data.every((b) => b === 7)}` : `text ${data}`);
  if (got.length === 3) ws.close(1000, 'done');
});
ws.on('close', (code) => console.log(JSON.stringify({ got, code })));
ws.on('error', (e) => { console.log('error', e.message); process.exitCode = 1; });
"#;

#[test]
fn the_ws_client_talks_to_a_hand_written_websocket_server() {
    if !have_node() {
        eprintln!("skipped: node is not installed");
        return;
    }
    assert!(
        repo().join("tests/node_modules/ws").exists(),
        "the ws package is missing: run `cargo xtask` to install the test tools"
    );
    let (child, out, port) = start("ws-echo-server.js", &[]);
    let client = node(WS_CLIENT, port);
    let (server_log, _) = finish(child, out);
    assert_eq!(
        String::from_utf8_lossy(&client.stdout).trim(),
        r#"{"got":["pong p","text hello over a real socket","binary 70000 true"],"code":1000}"#,
        "client stderr: {}",
        String::from_utf8_lossy(&client.stderr)
    );
    assert_eq!(
        server_log,
        "upgrade /echo\nframe opcode=9 length=1\nframe opcode=1 length=24\n\
         frame opcode=2 length=70000\nframe opcode=8 length=6\nclient gone\nserver closed\n"
    );
}

const NET_CLIENT: &str = r#"
const net = require('net');
const c = net.connect(Number(process.argv[1]), '127.0.0.1', () => c.end('hello real tcp'));
let text = '';
c.on('data', (d) => { text += d; });
c.on('end', () => console.log(text));
"#;

#[test]
fn a_node_net_client_talks_to_a_tcp_echo_server() {
    if !have_node() {
        eprintln!("skipped: node is not installed");
        return;
    }
    let (child, out, port) = start("net-echo-server.js", &[]);
    let client = node(NET_CLIENT, port);
    let (server_log, _) = finish(child, out);
    assert_eq!(String::from_utf8_lossy(&client.stdout), "HELLO REAL TCP\n");
    assert_eq!(server_log, "echoed 14 bytes\nserver closed\n");
}
