//! Build, serve and test orchestration: `cargo xtask <build|fidelity|serve|test>`.
//!
//! One file per subcommand (`build.rs`, `fidelity.rs`, `serve.rs`, `test.rs`); the helpers they
//! share are `step.rs` (quiet, timed commands), `tools.rs` (installs what is missing), `paths.rs`,
//! `stamp.rs`, `server.rs` (`looplab serve` for dist/), `wasm_imports.rs`, and for the page's
//! files in dist/ `hashed_names.rs` and `precompress.rs`.
mod build;
mod fidelity;
mod hashed_names;
mod paths;
mod precompress;
mod serve;
mod server;
mod stamp;
mod step;
mod test;
mod tools;
mod wasm_imports;

use std::process::ExitCode;

use anyhow::{Context, Result, bail};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  build           build the release `looplab` binary and the page into dist/
  fidelity        run the fidelity corpus (tests/fidelity/) against node's recorded output
    --record [FILTER]  record node's output anew (scenarios whose name contains FILTER)
  serve [--port N] install what is missing, build, and serve dist/ (default port 8080)
  test            fmt, clippy, tests, wasm checks, page build and browser tests
    --browser-only  only the page build and the browser tests";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // The message and its causes, without the backtrace anyhow adds under RUST_BACKTRACE.
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    match command {
        "build" => {
            no_more_args(rest)?;
            build::main()
        }
        "fidelity" => fidelity::main(rest),
        "serve" => serve::main(parse_port(rest)?),
        "test" => match rest {
            [] => test::main(test::Scope::All),
            [flag] if flag == "--browser-only" => test::main(test::Scope::BrowserOnly),
            _ => bail!("usage: cargo xtask test [--browser-only]"),
        },
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

fn no_more_args(rest: &[String]) -> Result<()> {
    match rest.first() {
        Some(arg) => bail!("unexpected argument `{arg}`\n\n{USAGE}"),
        None => Ok(()),
    }
}

fn parse_port(rest: &[String]) -> Result<u16> {
    match rest {
        [] => Ok(serve::DEFAULT_PORT),
        [flag, port] if flag == "--port" => {
            port.parse().with_context(|| format!("bad port `{port}`"))
        }
        _ => bail!("usage: cargo xtask serve [--port N]"),
    }
}
