//! How a run is set up: arguments, environment, working directory, pool size, limits.
use std::collections::BTreeMap;

/// Stated limits: past them a run stops with a clear message instead of hanging.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Bytecode instructions a run may execute in all: what stops code that never returns (about
    /// 0.6 s of node's time at the default cost; the engine takes some 20 s natively to get there).
    pub max_instructions: u64,
    /// Nested calls before `RangeError: Maximum call stack size exceeded` (node 20 reaches about
    /// 10,400 frames of a small function).
    pub recursion: usize,
    /// Bracket nesting a source text may have (V8's parser gives up at about 1,500).
    pub nesting: usize,
    /// Depth of the built-ins that recurse on the native stack (`String()` of nested arrays,
    /// `JSON.stringify` of nested objects) before they throw as V8 does when its stack runs out.
    pub native_depth: usize,
    /// JavaScript callbacks (incl. ticks and promise jobs) in one run.
    pub max_callbacks: u64,
    /// Virtual time a run may reach, in milliseconds.
    pub max_virtual_ms: u64,
    /// Bytes written to stdout and stderr together.
    pub max_output_bytes: usize,
    /// Trace events kept; later ones are counted, not kept. 0 when nobody reads the trace.
    pub max_trace_events: usize,
}

/// In the page the engine's recursion shares the browser's stack for WebAssembly (about 1 MB on
/// Chromium's main thread): the depths it allows are lower there, measured in the page (400
/// nested arrays parse; 600 nested values overflowed `String()` or `JSON.stringify`).
const NESTING: usize = if cfg!(target_arch = "wasm32") {
    400
} else {
    1_000
};
const NATIVE_DEPTH: usize = if cfg!(target_arch = "wasm32") {
    150
} else {
    2_000
};

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_instructions: 2_000_000_000,
            recursion: 10_000,
            nesting: NESTING,
            native_depth: NATIVE_DEPTH,
            max_callbacks: u64::MAX,
            max_virtual_ms: 24 * 3600 * 1000,
            max_output_bytes: 16 * 1024 * 1024,
            max_trace_events: looplab_core::Limits::default().max_trace_events,
        }
    }
}

/// Everything `looplab run` or the page passes in.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Absolute path of the entry script.
    pub script: String,
    /// Extra arguments (`process.argv.slice(2)`).
    pub args: Vec<String>,
    /// Absolute working directory (`process.cwd()`).
    pub cwd: String,
    pub env: BTreeMap<String, String>,
    /// Thread-pool size when UV_THREADPOOL_SIZE is not set.
    pub threadpool_size: usize,
    pub cores: usize,
    /// Seed for crypto randomness: the same seed gives the same bytes.
    pub seed: u64,
    /// What `Date.now()` reads at the start, in ms since 1970: fixed for repeatable runs; the real
    /// wall clock with `--real`.
    pub epoch_ms: i64,
    pub limits: Limits,
    /// The branch to take at each of the run's first decisions (`looplab_core::decision`);
    /// empty: the model's own timing everywhere.
    pub choices: Vec<looplab_core::Choice>,
}

impl RunOptions {
    pub fn new(script: impl Into<String>, cwd: impl Into<String>) -> Self {
        RunOptions {
            script: script.into(),
            args: Vec::new(),
            cwd: cwd.into(),
            env: BTreeMap::new(),
            threadpool_size: 4,
            cores: 2,
            seed: 0x0100_b1ab,
            epoch_ms: crate::engine::EPOCH_MS,
            limits: Limits::default(),
            choices: Vec::new(),
        }
    }
}
