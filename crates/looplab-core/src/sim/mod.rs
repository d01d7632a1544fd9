//! The simulated world under the loop: virtual time, CPU cores and libuv's thread pool.
mod cpu;
pub mod network;
mod sim_backend;
pub mod thread_pool;

pub use cpu::Cpu;
pub use network::{SimNetwork, SocketId};
pub use sim_backend::SimBackend;
pub use thread_pool::ThreadPool;
