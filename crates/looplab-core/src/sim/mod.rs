//! The simulated world under the loop: virtual time, CPU cores and libuv's thread pool.
mod backend;
mod cpu;
pub mod network;
pub mod thread_pool;

pub use backend::SimBackend;
pub use cpu::Cpu;
pub use network::{SimNetwork, SocketId};
pub use thread_pool::ThreadPool;
