//! Node's JavaScript timers (lib/internal/timers.js): one list per duration, lists in a priority
//! queue ordered by (expiry, list id), all served by a single libuv timer.
//!
//! Whole lists run in order, so across durations timers fire by list expiry rather than strictly by
//! each timer's own due time when the loop runs late: that is Node's behaviour, not a shortcut.
use super::ids::TimerId;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};

/// `TIMEOUT_MAX`: 2^31 - 1 milliseconds.
pub const TIMEOUT_MAX: f64 = 2_147_483_647.0;

/// The Timeout constructor's coercion: anything not in 1..=TIMEOUT_MAX becomes 1 ms (numbers above
/// it also warn, `TimeoutOverflowWarning`); `insert` then truncates to whole milliseconds.
pub fn coerce_delay(after: f64) -> (u32, bool) {
    if (1.0..=TIMEOUT_MAX).contains(&after) {
        (after.trunc() as u32, false)
    } else {
        (1, after > TIMEOUT_MAX)
    }
}

#[derive(Clone, Debug)]
struct Timeout {
    /// The list it belongs to (`_idleTimeout`, truncated).
    msecs: u32,
    repeat: bool,
    /// `_idleStart`.
    idle_start: u64,
    /// `kRefed`.
    refed: bool,
    /// `_destroyed`.
    destroyed: bool,
    /// `_idleTimeout === -1`: cleared, never re-inserted.
    cleared: bool,
    /// Bumped on every insert, so stale list entries are skipped.
    generation: u32,
    in_list: bool,
}

#[derive(Debug)]
struct TimerList {
    expiry: u64,
    id: u64,
    items: VecDeque<(TimerId, u32)>,
    live: usize,
}

/// One step of `processTimers(now)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimersStep {
    /// Run this timer's callback now.
    Run(TimerId),
    /// The pass is over; the earliest remaining list expiry, if any.
    Done(Option<u64>),
}

#[derive(Debug, Default)]
pub struct TimerLists {
    timeouts: Vec<Timeout>,
    lists: HashMap<u32, TimerList>,
    queue: BinaryHeap<Reverse<(u64, u64, u32)>>,
    next_list_id: u64,
    /// `timeoutInfo[0]`: ref'd timers that have not fired or been cleared.
    ref_count: u32,
    /// `nextExpiry`: `None` is Infinity.
    next_expiry: Option<u64>,
}

impl TimerLists {
    pub fn create(&mut self, msecs: u32, repeat: bool) -> TimerId {
        let id = TimerId(self.timeouts.len() as u64);
        self.timeouts.push(Timeout {
            msecs,
            repeat,
            idle_start: 0,
            refed: true,
            destroyed: false,
            cleared: false,
            generation: 0,
            in_list: false,
        });
        self.ref_count += 1;
        id
    }

    fn timeout(&mut self, id: TimerId) -> &mut Timeout {
        &mut self.timeouts[id.0 as usize]
    }

    pub fn ref_count(&self) -> u32 {
        self.ref_count
    }

    pub fn is_refed(&self, id: TimerId) -> bool {
        self.timeouts.get(id.0 as usize).is_some_and(|t| t.refed)
    }

    /// In a list, waiting to fire.
    pub fn is_scheduled(&self, id: TimerId) -> bool {
        self.timeouts.get(id.0 as usize).is_some_and(|t| t.in_list)
    }

    pub fn msecs(&self, id: TimerId) -> u32 {
        self.timeouts[id.0 as usize].msecs
    }

    pub fn is_repeat(&self, id: TimerId) -> bool {
        self.timeouts[id.0 as usize].repeat
    }

    /// `insert(item, msecs, start)`: appends to its duration's list, creating the list if needed.
    /// Returns the delay to arm the libuv timer with when this list is now the earliest.
    pub fn insert(&mut self, id: TimerId, start: u64) -> Option<u32> {
        // `L.append` unlinks without deleting an emptied list.
        self.unlink(id, false);
        let t = self.timeout(id);
        t.idle_start = start;
        t.generation += 1;
        t.in_list = true;
        let (msecs, generation) = (t.msecs, t.generation);
        let mut schedule = None;
        let list = match self.lists.get_mut(&msecs) {
            Some(list) => list,
            None => {
                let expiry = start + msecs as u64;
                let list_id = self.next_list_id;
                self.next_list_id += 1;
                self.queue.push(Reverse((expiry, list_id, msecs)));
                if self.next_expiry.is_none_or(|next| next > expiry) {
                    schedule = Some(msecs);
                    self.next_expiry = Some(expiry);
                }
                self.lists.entry(msecs).or_insert(TimerList {
                    expiry,
                    id: list_id,
                    items: VecDeque::new(),
                    live: 0,
                })
            }
        };
        list.items.push_back((id, generation));
        list.live += 1;
        schedule
    }

    /// Whether a list of another duration, with timers in it, expires at `at`: a timer whose
    /// expiry moved there would run after that list's timers instead of before them.
    pub fn other_list_expires_at(&self, msecs: u32, at: u64) -> bool {
        self.lists
            .iter()
            .any(|(&m, list)| m != msecs && list.live > 0 && list.expiry == at)
    }

    /// Takes a timer out of its list; `unenroll` also deletes a list it empties.
    fn unlink(&mut self, id: TimerId, delete_empty: bool) {
        let t = &mut self.timeouts[id.0 as usize];
        if !t.in_list {
            return;
        }
        t.in_list = false;
        let msecs = t.msecs;
        if let Some(list) = self.lists.get_mut(&msecs) {
            list.live -= 1;
            if list.live == 0 && delete_empty {
                self.lists.remove(&msecs);
            }
        }
    }

    /// `clearTimeout` / `unenroll`. Returns whether the ref count dropped to zero.
    pub fn clear(&mut self, id: TimerId) -> bool {
        let Some(t) = self.timeouts.get(id.0 as usize) else {
            return false;
        };
        if t.destroyed {
            self.timeouts[id.0 as usize].cleared = true;
            return false;
        }
        self.unlink(id, true);
        let t = self.timeout(id);
        t.destroyed = true;
        t.cleared = true;
        if t.refed {
            self.ref_count -= 1;
            return self.ref_count == 0;
        }
        false
    }

    /// `timeout.ref()` / `unref()`. Returns the ref-count transition (0→1 true, 1→0 false).
    pub fn set_ref(&mut self, id: TimerId, refed: bool) -> Option<bool> {
        let t = self.timeout(id);
        if t.refed == refed {
            return None;
        }
        t.refed = refed;
        if t.destroyed {
            return None;
        }
        if refed {
            self.ref_count += 1;
            (self.ref_count == 1).then_some(true)
        } else {
            self.ref_count -= 1;
            (self.ref_count == 0).then_some(false)
        }
    }

    /// `timeout.refresh()`: re-inserted from `start`, revived if it had fired. Returns (delay to arm,
    /// ref-count transition); `None` if it was cleared.
    pub fn refresh(&mut self, id: TimerId, start: u64) -> Option<(Option<u32>, bool)> {
        let t = self.timeout(id);
        if t.cleared {
            return None;
        }
        let revived = t.destroyed && t.refed;
        t.destroyed = false;
        let schedule = self.insert(id, start);
        if revived {
            self.ref_count += 1;
        }
        Some((schedule, revived && self.ref_count == 1))
    }

    /// Starts a `processTimers` pass.
    pub fn begin_pass(&mut self) {
        self.next_expiry = None;
    }

    /// The next step of `processTimers(now)` / `listOnTimeout(list, now)`.
    pub fn next_due(&mut self, now: u64) -> TimersStep {
        loop {
            let Some(&Reverse((expiry, list_id, msecs))) = self.queue.peek() else {
                self.next_expiry = None;
                return TimersStep::Done(None);
            };
            let current = self
                .lists
                .get(&msecs)
                .is_some_and(|l| l.expiry == expiry && l.id == list_id);
            if !current {
                self.queue.pop();
                continue;
            }
            if expiry > now {
                self.next_expiry = Some(expiry);
                return TimersStep::Done(Some(expiry));
            }
            let list = self.lists.get_mut(&msecs).expect("checked above");
            // The first timer still in the list.
            let head = loop {
                match list.items.front() {
                    None => break None,
                    Some(&(id, generation)) => {
                        let t = &self.timeouts[id.0 as usize];
                        if t.in_list && t.generation == generation {
                            break Some(id);
                        }
                        list.items.pop_front();
                    }
                }
            };
            let Some(id) = head else {
                self.lists.remove(&msecs);
                self.queue.pop();
                continue;
            };
            let idle_start = self.timeouts[id.0 as usize].idle_start;
            if now.saturating_sub(idle_start) < msecs as u64 {
                // Too early for this timer: the list waits for it (timers created during this pass).
                list.expiry = (idle_start + msecs as u64).max(now + 1);
                list.id = self.next_list_id;
                self.next_list_id += 1;
                self.queue.pop();
                self.queue.push(Reverse((list.expiry, list.id, msecs)));
                continue;
            }
            list.items.pop_front();
            // An emptied list stays until the pass finds it empty, as in listOnTimeout.
            self.unlink(id, false);
            return TimersStep::Run(id);
        }
    }

    /// After a timer's callback (the `finally` of listOnTimeout): an interval is re-inserted from
    /// the `start` read before the callback; a spent timeout is destroyed. Returns the delay to arm
    /// the libuv timer with if a new earliest list was created.
    pub fn after_callback(&mut self, id: TimerId, start: u64) -> Option<u32> {
        let t = &self.timeouts[id.0 as usize];
        if t.repeat && !t.cleared {
            return self.insert(id, start);
        }
        if !t.in_list && !t.destroyed {
            let t = self.timeout(id);
            t.destroyed = true;
            if t.refed {
                // Not decRefCount: processTimers' return value settles the handle's ref.
                self.ref_count -= 1;
            }
        }
        None
    }

    /// Scheduled timers with their due times (ms), earliest list first, for views.
    pub fn scheduled(&self) -> Vec<(TimerId, u64)> {
        let mut lists: Vec<&TimerList> = self.lists.values().collect();
        lists.sort_by_key(|l| (l.expiry, l.id));
        lists
            .into_iter()
            .flat_map(|l| {
                l.items.iter().filter_map(|&(id, generation)| {
                    let t = &self.timeouts[id.0 as usize];
                    (t.in_list && t.generation == generation)
                        .then_some((id, t.idle_start + t.msecs as u64))
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_list_of_another_duration_with_timers_counts_as_expiring_with_it() {
        let mut lists = TimerLists::default();
        let two = lists.create(2, false);
        lists.insert(two, 10);
        assert!(lists.other_list_expires_at(1, 12));
        assert!(!lists.other_list_expires_at(2, 12), "its own list");
        assert!(!lists.other_list_expires_at(1, 11));
        lists.clear(two);
        assert!(!lists.other_list_expires_at(1, 12), "an emptied list");
    }

    #[test]
    fn coercion_matches_node() {
        assert_eq!(coerce_delay(0.0), (1, false));
        assert_eq!(coerce_delay(-5.0), (1, false));
        assert_eq!(coerce_delay(f64::NAN), (1, false));
        assert_eq!(coerce_delay(1.9), (1, false));
        assert_eq!(coerce_delay(2.0), (2, false));
        assert_eq!(coerce_delay(TIMEOUT_MAX + 1.0), (1, true));
    }

    #[test]
    fn lists_run_in_expiry_order_and_fifo_within() {
        let mut lists = TimerLists::default();
        let a = lists.create(10, false);
        let b = lists.create(5, false);
        let c = lists.create(10, false);
        assert_eq!(lists.insert(a, 0), Some(10));
        assert_eq!(lists.insert(b, 0), Some(5));
        assert_eq!(lists.insert(c, 0), None);
        lists.begin_pass();
        assert_eq!(lists.next_due(4), TimersStep::Done(Some(5)));
        let mut order = Vec::new();
        while let TimersStep::Run(id) = lists.next_due(20) {
            order.push(id);
            lists.after_callback(id, 20);
        }
        assert_eq!(order, [b, a, c]);
        assert_eq!(lists.ref_count(), 0);
    }

    #[test]
    fn timer_created_during_pass_waits() {
        let mut lists = TimerLists::default();
        let a = lists.create(1, false);
        lists.insert(a, 0);
        lists.begin_pass();
        assert_eq!(lists.next_due(1), TimersStep::Run(a));
        let b = lists.create(1, false);
        lists.insert(b, 1);
        lists.after_callback(a, 1);
        assert_eq!(lists.next_due(1), TimersStep::Done(Some(2)));
    }

    #[test]
    fn clearing_the_last_timer_drops_the_ref() {
        let mut lists = TimerLists::default();
        let a = lists.create(3, false);
        lists.insert(a, 0);
        assert!(lists.clear(a));
        lists.begin_pass();
        assert_eq!(lists.next_due(10), TimersStep::Done(None));
    }
}
