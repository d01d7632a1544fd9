//! `uv_fs_event_t` as libuv builds it on Linux: each started handle is an inotify watch on a path.
//! A change to the file system queues an event on the inotify descriptor; the poll phase finds
//! that descriptor readable and calls each watching handle with the event (`uv__inotify_read`).
//! As inotify does, an event identical to the one still unread before it is dropped.
use std::collections::{BTreeMap, VecDeque};

use serde::{Deserialize, Serialize};

use super::handle::HandleId;

/// libuv's `uv_fs_event`: inotify's create, delete and move are `Rename`; modify and attribute
/// changes are `Change`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FsEventKind {
    Rename,
    Change,
}

impl FsEventKind {
    /// The name Node gives the event (`'rename'`, `'change'`).
    pub fn name(self) -> &'static str {
        match self {
            FsEventKind::Rename => "rename",
            FsEventKind::Change => "change",
        }
    }
}

/// One event for one handle: `filename` is the changed entry's name in the watched directory
/// (its path below it when recursive), or the watched file's own name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FsEvent {
    pub handle: HandleId,
    pub kind: FsEventKind,
    pub filename: String,
}

#[derive(Clone, Debug)]
struct Watch {
    path: String,
    recursive: bool,
}

/// The loop's inotify state: watches by handle, events not read yet, events read and handed to
/// their callbacks by number.
#[derive(Debug, Default)]
pub struct FsWatches {
    watches: BTreeMap<HandleId, Watch>,
    queued: VecDeque<FsEvent>,
    read: BTreeMap<u64, FsEvent>,
    next: u64,
}

impl FsWatches {
    pub fn start(&mut self, handle: HandleId, path: &str, recursive: bool) {
        let path = path.to_string();
        self.watches.insert(handle, Watch { path, recursive });
    }

    /// Whether the handle was watching.
    pub fn stop(&mut self, handle: HandleId) -> bool {
        self.queued.retain(|e| e.handle != handle);
        self.watches.remove(&handle).is_some()
    }

    pub fn is_watching(&self, handle: HandleId) -> bool {
        self.watches.contains_key(&handle)
    }

    /// A change at `path` (absolute): an event for every watch that sees it.
    pub fn notify(&mut self, path: &str, kind: FsEventKind) {
        for (&handle, w) in &self.watches {
            let Some(filename) = seen_as(w, path) else {
                continue;
            };
            let event = FsEvent {
                handle,
                kind,
                filename,
            };
            if self.queued.back() != Some(&event) {
                self.queued.push_back(event);
            }
        }
    }

    /// Whether the inotify descriptor is readable.
    pub fn readable(&self) -> bool {
        !self.queued.is_empty()
    }

    /// Reads every queued event: (handle, number) for each, the event kept under its number.
    pub fn read_all(&mut self) -> Vec<(HandleId, u64)> {
        let mut out = Vec::new();
        while let Some(e) = self.queued.pop_front() {
            self.next += 1;
            out.push((e.handle, self.next));
            self.read.insert(self.next, e);
        }
        out
    }

    pub fn event(&self, number: u64) -> Option<&FsEvent> {
        self.read.get(&number)
    }

    pub fn take(&mut self, number: u64) -> Option<FsEvent> {
        self.read.remove(&number)
    }
}

/// The name a watch reports a change at `path` under, if it sees it: a watched file itself, a
/// watched directory itself or an entry in it, or (recursive) anything below it.
fn seen_as(w: &Watch, path: &str) -> Option<String> {
    if path == w.path {
        return Some(path.rsplit('/').next().unwrap_or(path).to_string());
    }
    let prefix = if w.path == "/" {
        "/".to_string()
    } else {
        format!("{}/", w.path)
    };
    let rest = path.strip_prefix(&prefix)?;
    (w.recursive || !rest.contains('/')).then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_sees_its_entries_and_a_repeat_is_dropped() {
        let mut w = FsWatches::default();
        let (dir, file) = (HandleId(1), HandleId(2));
        w.start(dir, "/d", false);
        w.notify("/d/f", FsEventKind::Change);
        w.notify("/d/f", FsEventKind::Change);
        w.start(file, "/d/f", false);
        w.notify("/d/f", FsEventKind::Rename);
        w.notify("/d/sub/g", FsEventKind::Rename);
        let read = w.read_all();
        let seen: Vec<_> = read
            .iter()
            .map(|&(h, n)| {
                (
                    h,
                    w.event(n).unwrap().kind,
                    w.event(n).unwrap().filename.clone(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            vec![
                (dir, FsEventKind::Change, "f".to_string()),
                (dir, FsEventKind::Rename, "f".to_string()),
                (file, FsEventKind::Rename, "f".to_string()),
            ]
        );
        assert!(!w.readable());
    }
}
