//! The real backend: what `looplab run --real` runs the model's loop on.
mod backend;
mod signals;
mod tcp;
mod worker_pool;

pub use backend::RealBackend;
pub use worker_pool::{WorkerEvent, WorkerPool};
