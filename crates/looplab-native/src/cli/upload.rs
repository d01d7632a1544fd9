//! `looplab upload`.
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn main(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("looplab upload is not available yet")
}
