//! `looplab run`: runs a script on the model from the current directory and prints what `node`
//! prints, exiting with the same status (or killed by the same signal).
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use looplab_js::{OutputLog, RunOptions, Runtime, Stream, Vfs};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write the run's trace (JSON: settings, every event and what the script printed) to this file;
    /// the page opens it with "Open trace…".
    #[arg(long, value_name = "FILE")]
    pub trace: Option<PathBuf>,
    /// Thread-pool size (UV_THREADPOOL_SIZE in the environment wins, as in Node).
    #[arg(long, default_value_t = 4)]
    pub threadpool: usize,
    /// CPU cores the model gives the thread pool and `os.cpus()`.
    #[arg(long, default_value_t = 2)]
    pub cores: usize,
    /// Stop after this many callbacks, ticks and promise jobs (a runaway script ends with a message).
    #[arg(long, value_name = "N")]
    pub max_callbacks: Option<u64>,
    /// Run on the real operating system: epoll, OS threads, real files and sockets, real time.
    #[arg(long)]
    pub real: bool,
    /// Run the script up to N times (default 100), once per branch where real timing could
    /// change what runs next (the model's decisions), and print each distinct output, likeliest
    /// first, with its share and the decision that made it differ. `--orders=N` sets N.
    #[arg(long, value_name = "N", num_args = 0..=1, require_equals = true,
          default_missing_value = "100", conflicts_with_all = ["trace", "real"])]
    pub orders: Option<usize>,
    /// The script (CommonJS, or an ES module for .mjs).
    pub script: PathBuf,
    /// Arguments for the script (`process.argv.slice(2)`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

pub fn main(args: Args) -> anyhow::Result<ExitCode> {
    // The engine recurses on the native stack: it gets a thread with room for every depth the
    // run's limits allow.
    looplab_js::on_engine_stack(move || run(args))
        .map_err(|panic| anyhow::anyhow!("the run stopped on an internal error: {panic}"))?
}

fn run(args: Args) -> anyhow::Result<ExitCode> {
    let cwd = std::env::current_dir().context("reading the current directory")?;
    let script = cwd.join(&args.script);
    let cwd = cwd.to_string_lossy().into_owned();
    let mut options = RunOptions::new(looplab_js::join_path(&cwd, &script.to_string_lossy()), cwd);
    options.args = args.args;
    options.env = std::env::vars().collect();
    options.threadpool_size = args.threadpool.max(1);
    options.cores = args.cores.max(1);
    if let Some(n) = args.max_callbacks {
        options.limits.max_callbacks = n;
    }
    // Without --trace nobody reads the trace: keeping it would cost memory by the event.
    if args.trace.is_none() {
        options.limits.max_trace_events = 0;
    }
    if let Some(budget) = args.orders {
        options.limits.max_trace_events = 0;
        let orders = looplab_js::explore(&options, Vfs::over_disk, budget)?;
        print!("{}", orders_text(&orders));
        std::io::stdout().flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut runtime = if args.real {
        options.epoch_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64);
        let make: looplab_js::BackendFactory = Box::new(|settings| {
            let backend = looplab_native::real::RealBackend::new(settings.threadpool_env.clone())
                .expect("the OS refused an epoll instance");
            Box::new(backend)
        });
        Runtime::with_backend(options, Vfs::real(), make)?
    } else {
        Runtime::new(options, Vfs::over_disk())?
    };
    // The trace carries what the script printed, so a page replaying it shows the console too.
    let mut log = OutputLog::new();
    let status = loop {
        let done = runtime.step();
        let (output, sites) = runtime.take_output_sites();
        if args.trace.is_some() {
            log.record(done, &output, sites);
        }
        flush(output)?;
        if let Some(status) = done {
            break status;
        }
    };
    if let Some(path) = args.trace {
        let mut trace = runtime.trace();
        trace.events = log.merge_into(std::mem::take(&mut trace.events));
        trace.real = args.real;
        let json = serde_json::to_string(&trace).context("writing the trace as JSON")?;
        std::fs::write(&path, json).with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(signum) = runtime.killed_by() {
        // The script sent itself a signal nothing caught: end as node does, killed by it.
        let _ = signal_hook::low_level::emulate_default_handler(signum);
    }
    Ok(ExitCode::from((status & 0xff) as u8))
}

/// Each distinct output under a header: its share, its runs, and why it differs.
fn orders_text(found: &looplab_js::Orders) -> String {
    let distinct = found.orders.len();
    let mut text = format!(
        "{distinct} distinct {} in {} {}{}\n",
        if distinct == 1 { "output" } else { "outputs" },
        found.runs,
        if found.runs == 1 { "run" } else { "runs" },
        if found.complete {
            String::new()
        } else {
            format!(
                " (not every branch: these runs cover {} of the chances)",
                looplab_core::decision::percent_text(found.covered)
            )
        },
    );
    for order in &found.orders {
        // The natural output is the branch each other order's decision did not take.
        let why = match &order.decision {
            None => found
                .orders
                .iter()
                .find_map(|o| o.decision.as_ref())
                .map_or_else(
                    || "the model's own timing".to_string(),
                    |d| format!("when {}", d.natural),
                ),
            Some(d) => format!("when {}. {}", d.alternative, d.why),
        };
        text.push_str(&format!(
            "\n=== {} ({} {}): {why}\n",
            looplab_core::decision::percent_text(order.share),
            order.runs,
            if order.runs == 1 { "run" } else { "runs" },
        ));
        text.push_str(&order.stdout);
        if !order.stderr.is_empty() {
            text.push_str("--- stderr\n");
            text.push_str(&order.stderr);
        }
        if order.status != 0 {
            text.push_str(&format!("--- exit status {}\n", order.status));
        }
    }
    text
}

/// Writes what the script printed. A reader that went away (`looplab run x.js | head`) ends the
/// output quietly, as a closed pipe ends node's.
fn flush(output: looplab_js::Output) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let written = output
        .into_iter()
        .try_for_each(|(stream, text)| match stream {
            Stream::Stdout => out.write_all(text.as_bytes()),
            Stream::Stderr => err.write_all(text.as_bytes()),
        });
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
