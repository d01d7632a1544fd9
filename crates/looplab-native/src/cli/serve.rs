//! `looplab serve`: the playground and its tus upload endpoint.
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use looplab_upload::ServerConfig;

// The server lives in its own directory, one noun per file.
use looplab_native::server;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Port to listen on (0 picks a free one; the address is printed).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Directory of the playground's built files. A file's `.br` or `.gz` copy beside it goes
    /// out instead when the client accepts that coding; content-hashed names
    /// (`name-<16 hex digits>.ext`) are cached for a year, everything else is revalidated.
    #[arg(long = "static", value_name = "DIR", default_value = "dist")]
    static_dir: PathBuf,
    /// Where uploads are stored [default: <user data dir>/looplab/uploads].
    #[arg(long = "data", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Largest upload accepted, in bytes (larger ones get 413).
    #[arg(long, default_value_t = 16 << 30)]
    max_size: u64,
    /// Unfinished uploads are deleted this many seconds after their last write.
    #[arg(long, default_value_t = 24 * 3600)]
    expire_after: u64,
    /// Seconds a connection may stay silent mid-request (or between requests).
    #[arg(long, default_value_t = 30)]
    idle_timeout: u64,
    /// Seconds a request body may take in all.
    #[arg(long, default_value_t = 600)]
    body_timeout: u64,
    /// Seconds in which a request body must bring at least 16 KiB (or end), else it is cut
    /// as stalled.
    #[arg(long, default_value_t = 15)]
    stall_timeout: u64,
    /// Concurrent connections; more get 503.
    #[arg(long, default_value_t = 256)]
    max_connections: usize,
    /// Concurrent connections from one client (IP address); more get 429.
    #[arg(long, default_value_t = 32)]
    max_connections_per_client: usize,
    /// Print one line per request on stderr.
    #[arg(long)]
    log: bool,
}

pub fn main(args: Args) -> anyhow::Result<ExitCode> {
    let data_dir = match args.data_dir {
        Some(d) => d,
        None => dirs::data_dir()
            .ok_or_else(|| anyhow::anyhow!("no user data directory; pass --data DIR"))?
            .join("looplab/uploads"),
    };
    let idle = Duration::from_secs(args.idle_timeout.max(1));
    server::run(server::Config {
        host: args.host,
        port: args.port,
        static_dir: args.static_dir,
        data_dir,
        tus: ServerConfig {
            base_path: "/files/".into(),
            max_size: args.max_size,
            expire_after: (args.expire_after > 0).then(|| Duration::from_secs(args.expire_after)),
        },
        limits: server::Config::limits(
            idle,
            Duration::from_secs(args.body_timeout.max(1)),
            Duration::from_secs(args.stall_timeout.max(1)),
        ),
        max_connections: args.max_connections.max(1),
        max_connections_per_client: args.max_connections_per_client.max(1),
        log: args.log,
    })?;
    Ok(ExitCode::SUCCESS)
}
