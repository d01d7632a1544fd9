//! Node's JavaScript layer: the nextTick and microtask queues, timer lists, immediates, and the
//! process lifecycle (entry, loop, beforeExit, exit).
mod ids;
mod immediate_queue;
mod job_queue;
mod life;
mod process;
mod runaway;
mod task;
mod timer_lists;

pub use ids::{ImmediateId, MicrotaskId, TickId, TimerId};
pub use immediate_queue::ImmediateQueue;
pub use job_queue::{JobQueue, MicrotaskQueue, TickQueue};
pub use life::{Life, Stage, Stopper};
pub use process::{Node, Step};
pub use runaway::Runaway;
pub use task::Task;
pub use timer_lists::{TIMEOUT_MAX, TimerLists, TimersStep, coerce_delay};
