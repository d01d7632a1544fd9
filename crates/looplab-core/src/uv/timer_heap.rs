//! libuv's timer heap: timers ordered by (timeout, start id), src/timer.c.
use super::handle::HandleId;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

#[derive(Clone, Copy, Debug)]
struct TimerState {
    timeout: u64,
    repeat: u64,
    start_id: u64,
    running: bool,
}

/// Stopped or restarted timers leave stale heap entries behind; an entry counts only while its
/// start id is the timer's current one (cheaper than a removable heap, same order).
#[derive(Debug, Default)]
pub struct TimerHeap {
    heap: BinaryHeap<Reverse<(u64, u64, HandleId)>>,
    timers: HashMap<HandleId, TimerState>,
    next_start_id: u64,
}

impl TimerHeap {
    /// `uv_timer_start`: due at `now + delay` (saturating, as libuv clamps on overflow).
    pub fn start(&mut self, id: HandleId, now: u64, delay: u64, repeat: u64) {
        let timeout = now.saturating_add(delay);
        let start_id = self.next_start_id;
        self.next_start_id += 1;
        self.timers.insert(
            id,
            TimerState {
                timeout,
                repeat,
                start_id,
                running: true,
            },
        );
        self.heap.push(Reverse((timeout, start_id, id)));
    }

    /// `uv_timer_stop`; false if it was not running.
    pub fn stop(&mut self, id: HandleId) -> bool {
        match self.timers.get_mut(&id) {
            Some(t) if t.running => {
                t.running = false;
                true
            }
            _ => false,
        }
    }

    /// `uv_timer_again`: restart a repeating timer from `now`; returns whether it restarted.
    pub fn again(&mut self, id: HandleId, now: u64) -> bool {
        match self.timers.get(&id).copied() {
            Some(t) if t.repeat > 0 => {
                self.stop(id);
                self.start(id, now, t.repeat, t.repeat);
                true
            }
            _ => false,
        }
    }

    pub fn set_repeat(&mut self, id: HandleId, repeat: u64) {
        if let Some(t) = self.timers.get_mut(&id) {
            t.repeat = repeat;
        }
    }

    pub fn repeat(&self, id: HandleId) -> u64 {
        self.timers.get(&id).map_or(0, |t| t.repeat)
    }

    /// The earliest running timer and its timeout.
    pub fn peek(&mut self) -> Option<(HandleId, u64)> {
        while let Some(&Reverse((timeout, start_id, id))) = self.heap.peek() {
            match self.timers.get(&id) {
                Some(t) if t.running && t.start_id == start_id => return Some((id, timeout)),
                _ => {
                    self.heap.pop();
                }
            }
        }
        None
    }

    pub fn due(&self, id: HandleId) -> Option<u64> {
        self.timers
            .get(&id)
            .filter(|t| t.running)
            .map(|t| t.timeout)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_timeouts_fire_in_start_order() {
        let mut heap = TimerHeap::default();
        heap.start(HandleId(2), 0, 5, 0);
        heap.start(HandleId(1), 0, 5, 0);
        assert_eq!(heap.peek(), Some((HandleId(2), 5)));
        heap.stop(HandleId(2));
        assert_eq!(heap.peek(), Some((HandleId(1), 5)));
    }

    #[test]
    fn restart_replaces_the_old_entry() {
        let mut heap = TimerHeap::default();
        heap.start(HandleId(0), 0, 1, 0);
        heap.start(HandleId(0), 0, 9, 0);
        assert_eq!(heap.peek(), Some((HandleId(0), 9)));
    }
}
