//! `cargo xtask serve [--port N]`: install what is missing, build, and serve dist/.
use anyhow::Result;

use crate::server::{Server, looplab_binary};
use crate::{build, paths};

pub const DEFAULT_PORT: u16 = 8080;

pub fn main(port: u16) -> Result<()> {
    build::main()?;
    let data = paths::target_dir().join("looplab-data");
    let server = Server::start(&looplab_binary("release"), port, &data, None)?;
    println!(
        "serving dist/ with looplab serve at {} (Ctrl-C stops)",
        server.url
    );
    server.wait()
}
