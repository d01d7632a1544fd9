//! The parts of looplab-core the host uses: the Node step machine, its ids and its cost model.
pub use looplab_core::node::{ImmediateId, MicrotaskId, TimerId};
pub use looplab_core::uv::{RequestKind, Work, WorkKind};
pub use looplab_core::{Duration, EntryKind, Node, Settings, Step, Task};
