//! The server for dist/: `looplab serve --static dist`, which adds the tus upload endpoint at
//! /files/ that the upload demo and its browser test use.
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::paths;

const STARTUP_TIMEOUT: Duration = Duration::from_secs(20);

/// A running server; stops when dropped.
#[derive(Debug)]
pub struct Server {
    pub url: String,
    child: Child,
}

impl Server {
    /// Starts `looplab` (the binary at that path) serving dist/ on 127.0.0.1:`port` (0 picks a
    /// free port) in the background. `data` is where it keeps uploads; its stderr goes to `log`
    /// when given (tests), else to ours.
    pub fn start(looplab: &Path, port: u16, data: &Path, log: Option<&Path>) -> Result<Server> {
        // `looplab serve` takes a port number; pick a free one ourselves when asked for any.
        let port = if port == 0 { free_port()? } else { port };
        std::fs::create_dir_all(data)?;
        let mut cmd = Command::new(looplab);
        cmd.args(["serve", "--static"])
            .arg(paths::dist())
            .args(["--port", &port.to_string()])
            .arg("--data")
            .arg(data);
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
            child,
        })
    }

    /// Blocks while the server runs (for `cargo xtask serve`).
    pub fn wait(mut self) -> Result<()> {
        let status = self.child.wait()?;
        bail!("`looplab serve` stopped ({status})")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
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
