//! `looplab upload FILE --endpoint URL`: a resumable upload with a progress bar.
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use looplab_upload::{Backoff, ChecksumAlgorithm, ClientConfig, Metadata};

// The client lives in its own directory, one noun per file.
use looplab_native::upload_client;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to upload.
    file: PathBuf,
    /// The tus creation URL, e.g. http://127.0.0.1:8080/files/
    #[arg(long)]
    endpoint: String,
    /// Bytes per PATCH (suffixes K, M, G allowed).
    #[arg(long, default_value = "5M", value_parser = parse_size)]
    chunk_size: u64,
    /// Parts to upload at once (uses the concatenation extension when above 1).
    #[arg(long, default_value_t = 1)]
    parallel: usize,
    /// Checksum sent with every chunk: crc32 (catches damage on the way, cheaply), sha1, md5,
    /// sha256 or none. A server that lacks the one asked for gets sha1, which tus makes mandatory.
    #[arg(long, default_value = "crc32")]
    checksum: String,
    /// Failed attempts in a row before giving up.
    #[arg(long, default_value_t = 12)]
    retries: u32,
    /// Where upload URLs are remembered between runs [default: <user data dir>/looplab/upload-state.json].
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let (digits, mult) = match s.chars().last() {
        Some('K' | 'k') => (&s[..s.len() - 1], 1 << 10),
        Some('M' | 'm') => (&s[..s.len() - 1], 1 << 20),
        Some('G' | 'g') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    match digits.parse::<u64>() {
        Ok(n) if n > 0 => Ok(n * mult),
        _ => Err(format!("{s:?} is not a size like 5242880, 512K or 5M")),
    }
}

pub fn main(args: Args) -> anyhow::Result<ExitCode> {
    let length = std::fs::metadata(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?
        .len();
    let checksum = match args.checksum.as_str() {
        "none" => None,
        name => Some(
            ChecksumAlgorithm::parse(name).with_context(|| format!("unknown checksum {name:?}"))?,
        ),
    };
    let state = match args.state {
        Some(p) => p,
        None => dirs::data_dir()
            .context("no user data directory; pass --state FILE")?
            .join("looplab/upload-state.json"),
    };
    let mut metadata = Metadata::default();
    if let Some(name) = args.file.file_name().and_then(|n| n.to_str()) {
        metadata.insert("filename", name.as_bytes());
    }
    let config = ClientConfig {
        chunk_size: args.chunk_size,
        parallel: args.parallel.max(1),
        metadata,
        checksum,
        backoff: Backoff {
            max_attempts: args.retries,
            ..Backoff::default()
        },
        ..ClientConfig::new(args.endpoint.clone(), length)
    };
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .context("installing the Ctrl-C handler")?;

    let bar = ProgressBar::new(length);
    if args.quiet {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:40.cyan/blue} {bytes}/{total_bytes} acknowledged  {bytes_per_sec}  {eta} left",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    let opts = upload_client::Options {
        file: args.file.clone(),
        config,
        state: upload_client::StateFile::new(state),
        stop,
    };
    let result = upload_client::upload(opts, |p| bar.set_position(p.acked));
    bar.finish_and_clear();
    match result? {
        upload_client::Finished::Done {
            url,
            resumed,
            checksum,
        } => {
            let how = if resumed {
                "resumed and uploaded"
            } else {
                "uploaded"
            };
            let verified = match checksum {
                Some(alg) => format!("each chunk verified by the server with {}", alg.name()),
                None => "the server does not verify checksums".into(),
            };
            println!(
                "{how} {} ({length} bytes; {verified}) to {url}",
                args.file.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        upload_client::Finished::Interrupted { acked } => {
            eprintln!(
                "stopped at {acked} of {length} bytes acknowledged; run the same command again to resume"
            );
            Ok(ExitCode::from(130))
        }
    }
}
