//! First-in, first-out queues of callbacks: Node's nextTick queue and V8's microtask queue.
use super::ids::{MicrotaskId, TickId};
use std::collections::VecDeque;

#[derive(Debug)]
pub struct JobQueue<T> {
    queue: VecDeque<T>,
    next: u64,
}

impl<T> Default for JobQueue<T> {
    fn default() -> Self {
        JobQueue {
            queue: VecDeque::new(),
            next: 0,
        }
    }
}

impl<T: Copy + From<u64>> JobQueue<T> {
    pub fn push(&mut self) -> T {
        let id = T::from(self.next);
        self.next += 1;
        self.queue.push_back(id);
        id
    }

    pub fn pop(&mut self) -> Option<T> {
        self.queue.pop_front()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        self.queue.iter().copied()
    }
}

impl From<u64> for TickId {
    fn from(n: u64) -> Self {
        TickId(n)
    }
}

impl From<u64> for MicrotaskId {
    fn from(n: u64) -> Self {
        MicrotaskId(n)
    }
}

/// `process.nextTick` callbacks (lib/internal/process/task_queues.js).
pub type TickQueue = JobQueue<TickId>;
/// Promise jobs and `queueMicrotask` callbacks, in the order V8 enqueues them.
pub type MicrotaskQueue = JobQueue<MicrotaskId>;
