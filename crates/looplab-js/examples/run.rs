//! Runs a script on the model from the current directory: `cargo run --example run -- SCRIPT`.
//! (`looplab run` is the real command; this one needs only this crate.)
use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(script) = args.next() else {
        eprintln!("usage: run SCRIPT [ARGS...]");
        std::process::exit(2);
    };
    let cwd = std::env::current_dir()
        .expect("a current directory")
        .to_string_lossy()
        .into_owned();
    let mut options = looplab_js::RunOptions::new(looplab_js::join_path(&cwd, &script), cwd);
    options.args = args.collect();
    options.env = std::env::vars().collect();
    let result = match looplab_js::run(options, looplab_js::Vfs::over_disk()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(70);
        }
    };
    for (stream, text) in &result.output {
        match stream {
            looplab_js::Stream::Stdout => std::io::stdout().write_all(text.as_bytes()),
            looplab_js::Stream::Stderr => std::io::stderr().write_all(text.as_bytes()),
        }
        .expect("writing output");
    }
    std::process::exit(result.status);
}
