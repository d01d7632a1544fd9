//! `looplab`: run a script on the model, serve the playground and its upload endpoint, upload a file.
use clap::{Parser, Subcommand};

mod cli;

#[derive(Debug, Parser)]
#[command(name = "looplab", version, about = "See what Node.js does inside")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a Node.js script on the Looplab model and print what `node` would print.
    Run(cli::run::Args),
    /// Serve the playground and a tus 1.0 upload endpoint at /files/.
    Serve(cli::serve::Args),
    /// Upload a file to a tus 1.0 endpoint, resuming where an earlier attempt stopped.
    Upload(cli::upload::Args),
}

fn main() -> anyhow::Result<std::process::ExitCode> {
    match Cli::parse().command {
        Command::Run(args) => cli::run::main(args),
        Command::Serve(args) => cli::serve::main(args),
        Command::Upload(args) => cli::upload::main(args),
    }
}
