//! What the JavaScript side reaches through `internalBinding`: the model, the files, the output
//! and the promise jobs waiting for their turn. Natives borrow it briefly and never across a call
//! back into JavaScript (the job executor borrows it too).
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use boa_engine::job::{Job, NativeAsyncJob};
use boa_engine::object::builtins::JsPromise;
use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng;

use looplab_core::node::{Life, Stopper};
use looplab_core::trace::Frame;

use crate::model::{MicrotaskId, Node};
use crate::options::RunOptions;
use crate::vfs::Vfs;

/// Which stream a write goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Written output, in order, so interleaving of stdout and stderr is kept.
pub type Output = Vec<(Stream, String)>;

/// Where an output entry was written: how many trace events the model had recorded by then, and
/// the learner's frames (empty when only Node's own code wrote it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteSite {
    /// Index of the entry in the `Output` taken with it.
    pub entry: usize,
    pub event: usize,
    pub frames: Vec<Frame>,
}

pub(crate) struct Host {
    pub node: Node,
    /// AsyncLocalStorage's frames: the current one and those callbacks keep.
    pub async_context: crate::async_context::AsyncContext,
    pub vfs: Vfs,
    /// The realms `vm.createContext` made, by id.
    pub realms: Vec<boa_engine::realm::Realm>,
    pub options: RunOptions,
    pub output: Output,
    /// Where each entry of `output` started, for entries written through `write_from`.
    pub sites: Vec<WriteSite>,
    pub output_bytes: usize,
    pub jobs: HashMap<MicrotaskId, Job>,
    pub rng: ChaCha8Rng,
    /// Promise rejection events since the last check: (promise, true = rejected without handler).
    pub rejections: Vec<(JsPromise, bool)>,
    /// While above zero, module-loading jobs wait in `sync_jobs` and the ES module loader runs
    /// them at once (the entry's graph, `require()` of an ES module) instead of the model.
    pub sync_loading: u32,
    pub sync_jobs: VecDeque<NativeAsyncJob>,
    /// Results of pool operations by request id, waiting for their `RequestDone`.
    pub pool_results: HashMap<u32, crate::pool_op::PoolResult>,
    /// The engine's count of instructions left when work was last charged to the main thread.
    pub work_mark: usize,
    /// Picoseconds of work not yet a whole microsecond of virtual time.
    pub work_carry_ps: u64,
    /// Results a real pool thread fills in (`--real`), by request id.
    /// With `--real`: what each pool operation in flight will change, noted when it is taken.
    #[cfg(not(target_arch = "wasm32"))]
    pub real_changes: HashMap<u32, crate::real_changes::RealChange>,
    pub real_results:
        HashMap<u32, std::sync::Arc<std::sync::Mutex<Option<crate::pool_op::PoolResult>>>>,
}

impl std::fmt::Debug for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Host")
            .field("life", self.node.life())
            .finish_non_exhaustive()
    }
}

pub(crate) type HostRef = Rc<RefCell<Host>>;

impl Host {
    /// The file system dates what changes by the simulated wall clock (Date.now's).
    pub fn tell_vfs_the_time(&mut self) {
        let us = self.node.uv().hrtime().as_micros();
        let ms = self.options.epoch_ms as f64 + (us / 1000) as f64;
        self.vfs.set_now(ms);
    }

    /// Tells the loop's fs event watches (inotify) of the file system's changes since last time.
    pub fn forward_fs_changes(&mut self) {
        for (path, kind) in self.vfs.take_changes() {
            self.node.uv_mut().fs_changed(&path, kind);
        }
    }

    pub fn new(node: Node, vfs: Vfs, options: RunOptions) -> Self {
        let rng = ChaCha8Rng::seed_from_u64(options.seed);
        Host {
            node,
            async_context: Default::default(),
            vfs,
            realms: Vec::new(),
            options,
            output: Vec::new(),
            sites: Vec::new(),
            output_bytes: 0,
            jobs: HashMap::new(),
            rng,
            rejections: Vec::new(),
            sync_loading: 0,
            sync_jobs: VecDeque::new(),
            pool_results: HashMap::new(),
            real_results: HashMap::new(),
            #[cfg(not(target_arch = "wasm32"))]
            real_changes: HashMap::new(),
            work_mark: 0,
            work_carry_ps: 0,
        }
    }

    /// Charges the main thread for a built-in's synchronous work (a sync hash, a sync file read),
    /// priced by the cost model.
    pub fn charge_builtin(
        &mut self,
        cost: impl FnOnce(&looplab_core::CostModel) -> looplab_core::Duration,
    ) {
        let time = cost(&self.node.settings().cost);
        self.node.charge(time);
    }

    /// Charges the main thread for the instructions run since the last charge (`remaining` is the
    /// engine's count now), so virtual time moves while JavaScript works.
    pub fn charge_work(&mut self, remaining: usize) {
        let done = self.work_mark.saturating_sub(remaining) as u64;
        self.work_mark = remaining;
        let ps = done.saturating_mul(self.node.settings().cost.js_instruction_ps);
        self.charge_ps(ps);
    }

    /// Charges `bytes` of a built-in's work priced `per_kib`, to the picosecond: many small
    /// calls (a regular expression run 20,000 times) add up to what one large call costs.
    pub fn charge_bytes(
        &mut self,
        per_kib: impl FnOnce(&looplab_core::CostModel) -> looplab_core::Duration,
        bytes: u64,
    ) {
        let per_kib = per_kib(&self.node.settings().cost).as_micros();
        self.charge_ps(bytes.saturating_mul(per_kib).saturating_mul(1_000_000) / 1024);
    }

    fn charge_ps(&mut self, ps: u64) {
        let ps = ps.saturating_add(self.work_carry_ps);
        self.work_carry_ps = ps % 1_000_000;
        let time = looplab_core::Duration::from_micros(ps / 1_000_000);
        if !time.is_zero() {
            self.node.charge(time);
        }
    }

    /// Stops the run at one of the host's limits: `message` goes to stderr, the run ends with
    /// code 1 and no more JavaScript runs.
    pub fn stop(&mut self, message: String) {
        self.output.push((Stream::Stderr, format!("{message}\n")));
        self.node.stop(message);
    }

    /// The host stopped the run at one of its limits: it writes nothing more.
    pub fn stopped(&self) -> bool {
        matches!(
            self.node.life(),
            Life::Halted {
                by: Stopper::Host,
                ..
            }
        )
    }

    /// Appends output; past the output limit the run stops with a message instead of growing.
    pub fn write(&mut self, stream: Stream, text: &str) {
        self.write_from(stream, text, Vec::new());
    }

    /// `write` from the learner's `frames`. A write joins the entry before it unless it starts a
    /// line from elsewhere (other frames, or trace events in between), so each console line keeps
    /// the step and the line of code that printed it.
    pub fn write_from(&mut self, stream: Stream, text: &str, frames: Vec<Frame>) {
        if self.stopped() {
            return;
        }
        self.output_bytes += text.len();
        if self.output_bytes > self.options.limits.max_output_bytes {
            self.stop(format!(
                "looplab: output limit reached ({} bytes); the run was stopped",
                self.options.limits.max_output_bytes
            ));
            return;
        }
        self.node
            .stdio_write(if stream == Stream::Stderr { 2 } else { 1 });
        let event = self.node.events().len();
        let entry = self.output.len();
        let site = self.sites.last().filter(|s| s.entry + 1 == entry);
        let same_place = site.is_none_or(|s| s.event == event && s.frames == frames);
        match self.output.last_mut() {
            Some((s, buf)) if *s == stream && (same_place || !buf.ends_with('\n')) => {
                buf.push_str(text);
            }
            _ => {
                self.output.push((stream, text.to_string()));
                self.sites.push(WriteSite {
                    entry,
                    event,
                    frames,
                });
            }
        }
    }
}
