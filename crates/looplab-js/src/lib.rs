//! Looplab's JavaScript host: runs a user's Node.js script on the Boa engine, with Node's
//! built-in modules, the CommonJS loader over a virtual file system, and every callback,
//! tick and promise job scheduled by the model of libuv and Node's queues.
mod arrow_this;
mod async_context;
mod bindings;
mod builtins;
mod call_site;
mod dns_lookup;
mod engine;
#[cfg(not(target_arch = "wasm32"))]
mod engine_stack;
mod esm;
pub mod fidelity;
mod guards;
mod host;
mod model;
mod nesting;
mod open_files;
mod options;
pub mod orders;
mod output_log;
mod pool_op;
#[cfg(not(target_arch = "wasm32"))]
mod real_changes;
#[cfg(not(target_arch = "wasm32"))]
mod real_disk;
#[cfg(not(target_arch = "wasm32"))]
mod real_files;
mod resolve;
mod runtime;
mod vfs;
mod vfs_links;
mod zlib;

#[cfg(not(target_arch = "wasm32"))]
pub use engine_stack::{ENGINE_STACK_BYTES, on_engine_stack};
pub use host::{Output, Stream, WriteSite};
pub use options::{Limits, RunOptions};
pub use orders::{Order, Orders, explore};
pub use output_log::{OutputLog, output_event};
pub use resolve::join as join_path;
pub use runtime::{BackendFactory, RunResult, Runtime};
pub use vfs::{FsError, Stat, Vfs};

/// Why a run could not start.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the JavaScript host failed to start: {0}")]
    Bootstrap(String),
}

/// Node's version string, as `process.version` and the fatal-error trailer print it.
pub const NODE_VERSION: &str = "v20.20.2";

/// Runs `options.script` to the end over `vfs`.
pub fn run(options: RunOptions, vfs: Vfs) -> Result<RunResult, Error> {
    Ok(Runtime::new(options, vfs)?.run())
}
