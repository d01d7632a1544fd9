//! Handles: long-lived objects (timers, watchers, sockets) that keep the loop alive while active and ref'd.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HandleId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandleKind {
    Timer,
    Idle,
    Prepare,
    Check,
    Async,
    Tcp,
    Signal,
    /// `uv_fs_event_t`: an inotify watch on a path (fs.watch).
    FsEvent,
    /// `uv_fs_poll_t`: a path stat'ed on an interval (fs.watchFile).
    FsPoll,
}

#[derive(Clone, Debug)]
pub struct Handle {
    pub kind: HandleKind,
    pub label: String,
    /// Started (`uv_timer_start`, `uv_idle_start`, `uv_listen`, ...) and not stopped.
    pub active: bool,
    /// Counts towards `loop_alive` while active; `uv_unref` clears it.
    pub refed: bool,
    /// `uv_close` was called; the close callback has not run yet.
    pub closing: bool,
    /// The close callback ran; the handle is gone.
    pub closed: bool,
    /// Loop-internal (the thread pool's async handle, Node's own timer and check handles).
    pub internal: bool,
}

impl Handle {
    /// What `uv__active_handle_add` counts: active and ref'd.
    pub fn keeps_alive(&self) -> bool {
        self.active && self.refed && !self.closing
    }
}

/// All handles ever created; ids are never reused, so a trace can name a handle after it closed.
#[derive(Debug, Default)]
pub struct HandleTable {
    handles: Vec<Handle>,
    /// Active and ref'd handles (`loop->active_handles`), kept as a count for `backend_timeout`.
    active_refed: u32,
}

impl HandleTable {
    pub fn next_id(&self) -> HandleId {
        HandleId(self.handles.len() as u32)
    }

    pub fn insert(&mut self, kind: HandleKind, label: String, internal: bool) -> HandleId {
        let id = self.next_id();
        self.handles.push(Handle {
            kind,
            label,
            active: false,
            refed: true,
            closing: false,
            closed: false,
            internal,
        });
        id
    }

    pub fn get(&self, id: HandleId) -> &Handle {
        &self.handles[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (HandleId, &Handle)> {
        self.handles
            .iter()
            .enumerate()
            .map(|(i, h)| (HandleId(i as u32), h))
    }

    pub fn active_refed(&self) -> u32 {
        self.active_refed
    }

    /// Changes one handle, keeping the active-and-ref'd count right. Returns whether anything changed.
    pub fn update(&mut self, id: HandleId, change: impl FnOnce(&mut Handle)) -> bool {
        let h = &mut self.handles[id.0 as usize];
        let before = (h.active, h.refed, h.closing, h.closed);
        let counted_before = h.keeps_alive();
        change(h);
        let counted_after = h.keeps_alive();
        match (counted_before, counted_after) {
            (false, true) => self.active_refed += 1,
            (true, false) => self.active_refed -= 1,
            _ => {}
        }
        before != (h.active, h.refed, h.closing, h.closed)
    }
}
