//! Looplab's model of Node.js: the libuv event loop, its thread pool and Node's tick and microtask
//! queues, deterministic and free of I/O.
//!
//! - [`uv`]: libuv's `uv_run` as a step machine ([`uv::Loop`]), handles, requests, the backend trait.
//! - [`node`]: Node's JavaScript layer on top ([`node::Node`]): what runs when, as [`node::Task`]s.
//! - [`sim`]: the simulated backend: virtual time, CPU cores, the thread pool.
//! - [`trace`]: every step as a [`trace::TraceEvent`].
//!
//! A host (looplab-js) drives [`node::Node::poll_step`] and runs each task's JavaScript; while it
//! runs, the JavaScript calls back into the model (`set_timeout`, `next_tick`, `submit_work`, ...).
pub mod conformance;
pub mod cost;
pub mod decision;
pub mod demo;
pub mod node;
pub mod settings;
pub mod sim;
pub mod time;
pub mod trace;
pub mod uv;
pub mod wire_bytes;

pub use cost::CostModel;
pub use decision::{Choice, Decision, DecisionPoint};
pub use node::{Node, Step, Task};
pub use settings::{EntryKind, Limits, Settings};
pub use time::{Duration, Instant};
pub use trace::{EsmPhase, ModuleFormat, Trace, TraceEvent};
