//! The real backend: what `looplab run --real` runs the model's loop on.
mod real_backend;
mod real_signals;
mod real_tcp;
mod worker_pool;

pub use real_backend::RealBackend;
pub use worker_pool::{WorkerEvent, WorkerPool};
