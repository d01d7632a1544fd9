//! The server for dist/: `looplab serve --static dist` once the `looplab` binary has that flag
//! (it adds the tus upload endpoint at /files/), else xtask's own static file server.
//! Checked at run time, so xtask switches by itself when `looplab serve` lands.
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::{paths, static_server};

const STARTUP_TIMEOUT: Duration = Duration::from_secs(20);

/// A running server; stops when dropped.
#[derive(Debug)]
pub struct Server {
    pub url: String,
    /// What serves, for the step line: `looplab serve` or `xtask static server`.
    pub kind: &'static str,
    child: Option<Child>,
}

impl Server {
    /// Starts serving dist/ on 127.0.0.1:`port` (0 picks a free port) in the background.
    /// `looplab` is the binary to try; `data` is where `looplab serve` keeps uploads; its stderr
    /// goes to `log` when given (tests), else to ours.
    pub fn start(looplab: &Path, port: u16, data: &Path, log: Option<&Path>) -> Result<Server> {
        match looplab_serve_flags(looplab) {
            Some(flags) => Self::start_looplab(looplab, &flags, port, data, log),
            None => Self::start_static(port),
        }
    }

    fn start_looplab(
        looplab: &Path,
        help: &str,
        port: u16,
        data: &Path,
        log: Option<&Path>,
    ) -> Result<Server> {
        // `looplab serve` takes a port number; pick a free one ourselves when asked for any.
        let port = if port == 0 { free_port()? } else { port };
        let mut cmd = Command::new(looplab);
        cmd.args(["serve", "--static"])
            .arg(paths::dist())
            .args(["--port", &port.to_string()]);
        if help.contains("--data") {
            std::fs::create_dir_all(data)?;
            cmd.arg("--data").arg(data);
        }
        if let Some(log) = log {
            cmd.stderr(std::fs::File::create(log)?);
        }
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .with_context(|| format!("starting {} serve", looplab.display()))?;
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let start = Instant::now();
        while TcpStream::connect(addr).is_err() {
            if let Some(status) = child.try_wait()? {
                bail!("`looplab serve` exited ({status}) before listening on {addr}");
            }
            if start.elapsed() > STARTUP_TIMEOUT {
                let _ = child.kill();
                bail!("`looplab serve` did not listen on {addr} within {STARTUP_TIMEOUT:?}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Server {
            url: format!("http://{addr}/"),
            kind: "looplab serve",
            child: Some(child),
        })
    }

    fn start_static(port: u16) -> Result<Server> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
            .with_context(|| format!("listening on 127.0.0.1:{port}"))?;
        let addr = listener.local_addr()?;
        let dist = paths::dist();
        std::thread::spawn(move || static_server::serve(listener, dist));
        Ok(Server {
            url: format!("http://{addr}/"),
            kind: "xtask static server",
            child: None,
        })
    }

    /// Blocks while the server runs (for `cargo xtask serve`).
    pub fn wait(mut self) -> Result<()> {
        match self.child.take() {
            Some(mut child) => {
                let status = child.wait()?;
                bail!("`looplab serve` stopped ({status})")
            }
            None => loop {
                std::thread::park();
            },
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// `looplab serve --help` when it offers `--static`, else `None` (binary missing or older).
fn looplab_serve_flags(looplab: &Path) -> Option<String> {
    let out = Command::new(looplab)
        .args(["serve", "--help"])
        .output()
        .ok()?;
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success() && help.contains("--static")).then_some(help)
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}

/// The `looplab` binary cargo built in `profile` (debug or release).
pub fn looplab_binary(profile: &str) -> PathBuf {
    paths::target_dir()
        .join(profile)
        .join(format!("looplab{}", std::env::consts::EXE_SUFFIX))
}
