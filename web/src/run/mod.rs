//! Running a scenario: the runner on the engine or the built-in demo host, the worker that runs
//! it off the page's thread, and the finished run the page steps through.
pub mod demo_host;
#[cfg(all(feature = "js", target_arch = "wasm32"))]
pub mod fidelity_hook;
pub mod finished;
pub mod race;
pub mod runner;
#[cfg(all(target_arch = "wasm32", feature = "js"))]
pub mod worker;
