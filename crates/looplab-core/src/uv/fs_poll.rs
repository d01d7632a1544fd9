//! `uv_fs_poll_t` (fs.watchFile): a handle that stats a path every `interval` ms. libuv runs it
//! with an internal, unref'd timer: each expiry issues a stat request, and when the stat returns
//! the timer is set again for what is left of the interval since that expiry
//! (`interval - (now - start) % interval`). The poll handle itself is active and ref'd.
use std::collections::BTreeMap;

use super::handle::HandleId;

#[derive(Clone, Copy, Debug)]
struct Poll {
    timer: HandleId,
    interval_ms: u64,
    /// Loop time of the last expiry (or of the start).
    start_ms: u64,
}

/// The loop's fs poll handles and their timers.
#[derive(Debug, Default)]
pub struct FsPolls {
    polls: BTreeMap<HandleId, Poll>,
}

impl FsPolls {
    pub fn start(&mut self, poll: HandleId, timer: HandleId, interval_ms: u64, now_ms: u64) {
        let interval_ms = interval_ms.max(1);
        self.polls.insert(
            poll,
            Poll {
                timer,
                interval_ms,
                start_ms: now_ms,
            },
        );
    }

    pub fn timer_of(&self, poll: HandleId) -> Option<HandleId> {
        self.polls.get(&poll).map(|p| p.timer)
    }

    /// The poll handle an expiring timer belongs to.
    pub fn poll_of_timer(&self, timer: HandleId) -> Option<HandleId> {
        self.polls
            .iter()
            .find(|(_, p)| p.timer == timer)
            .map(|(&h, _)| h)
    }

    /// The timer expired: the next interval counts from now.
    pub fn expired(&mut self, poll: HandleId, now_ms: u64) {
        if let Some(p) = self.polls.get_mut(&poll) {
            p.start_ms = now_ms;
        }
    }

    /// The delay to set the timer for once a stat has returned.
    pub fn next_delay(&self, poll: HandleId, now_ms: u64) -> Option<u64> {
        let p = self.polls.get(&poll)?;
        Some(p.interval_ms - now_ms.saturating_sub(p.start_ms) % p.interval_ms)
    }

    /// Whether it was polling.
    pub fn stop(&mut self, poll: HandleId) -> Option<HandleId> {
        self.polls.remove(&poll).map(|p| p.timer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_waits_what_is_left_of_the_interval() {
        let mut polls = FsPolls::default();
        let (poll, timer) = (HandleId(1), HandleId(2));
        polls.start(poll, timer, 100, 1000);
        assert_eq!(polls.next_delay(poll, 1003), Some(97));
        polls.expired(poll, 1100);
        assert_eq!(polls.next_delay(poll, 1250), Some(50));
        assert_eq!(polls.poll_of_timer(timer), Some(poll));
        assert_eq!(polls.stop(poll), Some(timer));
        assert_eq!(polls.next_delay(poll, 1300), None);
    }
}
