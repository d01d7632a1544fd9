//! The idle, prepare and check handle queues (src/unix/loop-watcher.c).
//!
//! `uv_*_start` inserts at the head, so the most recently started watcher runs first; a phase runs
//! the watchers that were active when it began, so one started during the phase waits for the next
//! iteration.
use super::handle::HandleId;

#[derive(Debug, Default)]
pub struct WatcherList {
    /// Active watchers in run order, each with the generation it was started in.
    list: Vec<(HandleId, u64)>,
    next_gen: u64,
}

impl WatcherList {
    pub fn start(&mut self, id: HandleId) -> bool {
        if self.list.iter().any(|&(h, _)| h == id) {
            return false;
        }
        self.next_gen += 1;
        self.list.insert(0, (id, self.next_gen));
        true
    }

    pub fn stop(&mut self, id: HandleId) -> bool {
        let before = self.list.len();
        self.list.retain(|&(h, _)| h != id);
        before != self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The watchers a phase starting now will run.
    pub fn snapshot(&self) -> Vec<(HandleId, u64)> {
        self.list.clone()
    }

    /// Whether a snapshot entry still runs: not stopped (or stopped and restarted) since.
    pub fn still_active(&self, entry: (HandleId, u64)) -> bool {
        self.list.contains(&entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_runs_first_and_restart_waits() {
        let mut w = WatcherList::default();
        w.start(HandleId(1));
        w.start(HandleId(2));
        let snap = w.snapshot();
        assert_eq!(
            snap.iter().map(|e| e.0).collect::<Vec<_>>(),
            [HandleId(2), HandleId(1)]
        );
        w.stop(HandleId(1));
        w.start(HandleId(1));
        assert!(w.still_active(snap[0]));
        assert!(!w.still_active(snap[1]));
    }
}
