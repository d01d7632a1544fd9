//! The file system a script sees. In the CLI it reads real files lazily at their real absolute paths
//! and keeps every write in memory; in the page it holds only the scenario's files.
use std::collections::BTreeMap;

use looplab_core::uv::FsEventKind;

/// A failed file-system call, named by its POSIX code (`ENOENT`, ...); JS adds syscall and path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FsError(pub &'static str);

/// A file's or directory's permission bits are `mode`; a symbolic link holds its target as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    File { data: Vec<u8>, mode: u32 },
    Dir { mode: u32 },
    Link(String),
    Removed,
}

/// `st_mode`'s file-type bits, as Linux numbers them.
pub mod kind {
    pub const FILE: u32 = 0o100000;
    pub const DIR: u32 = 0o040000;
    pub const LINK: u32 = 0o120000;
}

/// What `stat` reports: `mode` is `st_mode`, the file type with the permission bits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stat {
    pub is_dir: bool,
    pub size: u64,
    pub mode: u32,
    /// Last change of the contents, and of the entry (its contents, mode or name), in ms since
    /// the epoch.
    pub mtime_ms: f64,
    pub ctime_ms: f64,
}

impl Stat {
    pub(crate) fn of(entry: &Entry) -> Option<Stat> {
        let (is_dir, size, mode) = match entry {
            Entry::File { data, mode } => (false, data.len() as u64, kind::FILE | mode),
            Entry::Dir { mode } => (true, 4096, kind::DIR | mode),
            Entry::Link(target) => (false, target.len() as u64, kind::LINK | 0o777),
            Entry::Removed => return None,
        };
        Some(Stat {
            is_dir,
            size,
            mode,
            mtime_ms: 0.0,
            ctime_ms: 0.0,
        })
    }
}

/// Directories a script did not make (the disk's, or parents of seeded files) are rwxr-xr-x.
const DIR_MODE: u32 = 0o755;

/// Files by absolute, normalized path, over an optional read-only view of the real disk.
#[derive(Debug, Default)]
pub struct Vfs {
    entries: BTreeMap<String, Entry>,
    disk: bool,
    /// `looplab run --real`: every call goes to the real file system, writes included.
    real: bool,
    /// Descriptors `fs.open` handed out (simulated; `--real` keeps the kernel's).
    pub(crate) files: crate::open_files::OpenFiles,
    /// The process's file mode creation mask; None is Linux's usual 0o022.
    umask: Option<u32>,
    /// Changes not yet told to the loop's fs event watches, as inotify would see them.
    changes: Vec<(String, FsEventKind)>,
    /// With `--real`: the path each descriptor was opened at, to tell watches what it changed.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) real_paths: BTreeMap<i32, String>,
    /// The simulated clock (ms since the epoch) as of the script's current callback.
    now_ms: f64,
    /// (mtime, ctime) of the entries changed in this run; others keep the time the run began.
    times: BTreeMap<String, (f64, f64)>,
    start_ms: Option<f64>,
}

impl Vfs {
    /// An empty in-memory file system (the page's).
    pub fn memory() -> Self {
        Vfs::default()
    }

    /// Reads fall through to the real disk; writes stay in memory.
    pub fn over_disk() -> Self {
        Vfs {
            disk: true,
            ..Vfs::default()
        }
    }

    /// The real file system, writes included (`looplab run --real`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn real() -> Self {
        Vfs {
            real: true,
            ..Vfs::default()
        }
    }

    pub fn is_real(&self) -> bool {
        self.real
    }

    /// `umask(2)`: sets the mask and returns the old one.
    pub fn set_umask(&mut self, mask: u32) -> u32 {
        self.umask.replace(mask & 0o777).unwrap_or(0o022)
    }

    /// A change at `path` (absolute) the loop's watches are to hear of. It is also when the
    /// entry last changed: contents ('change' of a file) move its mtime, any change its ctime,
    /// and an entry made, removed or renamed changes its directory.
    pub(crate) fn changed(&mut self, path: &str, kind: FsEventKind) {
        self.changes.push((path.to_string(), kind));
        let now = self.now_ms;
        self.times.insert(path.to_string(), (now, now));
        if kind == FsEventKind::Rename
            && let Some(dir) = parent(path)
        {
            self.times.insert(dir.to_string(), (now, now));
        }
    }

    /// An attribute changed (chmod): inotify's IN_ATTRIB, a 'change' that moves only the ctime.
    pub(crate) fn changed_attrs(&mut self, path: &str) {
        self.changes.push((path.to_string(), FsEventKind::Change));
        let now = self.now_ms;
        let base = self.start_ms.unwrap_or(now);
        let (mtime, _) = self.times.get(path).copied().unwrap_or((base, base));
        self.times.insert(path.to_string(), (mtime, now));
    }

    /// The simulated clock moved on (the host says so before each callback).
    pub fn set_now(&mut self, ms: f64) {
        self.start_ms.get_or_insert(ms);
        self.now_ms = ms;
    }

    pub(crate) fn with_times(&self, path: &str, mut s: Stat) -> Stat {
        let base = self.start_ms.unwrap_or(self.now_ms);
        let (m, c) = self.times.get(path).copied().unwrap_or((base, base));
        s.mtime_ms = m;
        s.ctime_ms = c;
        s
    }

    /// A call's result, with its change noted when it succeeded.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn noted<T>(
        &mut self,
        result: Result<T, FsError>,
        path: &str,
        kind: FsEventKind,
    ) -> Result<T, FsError> {
        if result.is_ok() {
            self.changed(path, kind);
        }
        result
    }

    /// The changes since the last call, oldest first.
    pub fn take_changes(&mut self) -> Vec<(String, FsEventKind)> {
        std::mem::take(&mut self.changes)
    }

    pub fn umask(&self) -> u32 {
        self.umask.unwrap_or(0o022)
    }

    /// With `--real` the kernel masks with its own umask, which Looplab cannot change: a path
    /// the call created gets the script's mask applied exactly.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn real_created(&self, path: &str, existed: bool, mode: u32) -> Result<(), FsError> {
        if existed || self.umask.is_none() {
            return Ok(());
        }
        crate::real_disk::chmod(path, mode & 0o7777 & !self.umask())
    }

    /// Adds a file (and its parent directories).
    pub fn insert(&mut self, path: &str, data: impl Into<Vec<u8>>) {
        self.make_parents(path);
        let mode = 0o666 & !self.umask();
        self.entries.insert(
            path.to_string(),
            Entry::File {
                data: data.into(),
                mode,
            },
        );
    }

    pub(crate) fn insert_entry(&mut self, path: &str, entry: Entry) {
        self.entries.insert(path.to_string(), entry);
    }

    fn make_parents(&mut self, path: &str) {
        let mut dir = parent(path);
        while let Some(d) = dir {
            if matches!(self.entries.get(d), Some(Entry::Dir { .. })) {
                break;
            }
            self.entries
                .insert(d.to_string(), Entry::Dir { mode: DIR_MODE });
            dir = parent(d);
        }
    }

    /// The entry at a path taken as it is, without following links.
    pub(crate) fn lookup(&self, path: &str) -> Option<Entry> {
        if let Some(e) = self.entries.get(path) {
            return Some(e.clone());
        }
        if path == "/" {
            return Some(Entry::Dir { mode: DIR_MODE });
        }
        if self.entries.keys().any(|k| is_under(k, path)) {
            return Some(Entry::Dir { mode: DIR_MODE });
        }
        if self.disk {
            return disk_lookup(path);
        }
        None
    }

    pub fn stat(&self, path: &str) -> Result<Stat, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            return crate::real_disk::stat(path);
        }
        let path = &self.resolve(path, true)?;
        match self.lookup(path).as_ref().and_then(Stat::of) {
            Some(s) => Ok(self.with_times(path, s)),
            None => {
                self.check_parents(path)?;
                Err(FsError("ENOENT"))
            }
        }
    }

    fn check_parents(&self, path: &str) -> Result<(), FsError> {
        let mut dir = parent(path);
        while let Some(d) = dir {
            if let Some(Entry::File { .. }) = self.lookup(d) {
                return Err(FsError("ENOTDIR"));
            }
            dir = parent(d);
        }
        Ok(())
    }

    pub fn read(&self, path: &str) -> Result<Vec<u8>, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            return crate::real_disk::read(path);
        }
        let path = &self.resolve(path, true)?;
        match self.lookup(path) {
            Some(Entry::File { data, .. }) => Ok(data),
            Some(Entry::Dir { .. }) => Err(FsError("EISDIR")),
            _ => {
                self.check_parents(path)?;
                Err(FsError("ENOENT"))
            }
        }
    }

    pub fn write(&mut self, path: &str, data: &[u8], append: bool) -> Result<(), FsError> {
        self.write_new(path, data, append, 0o666)
    }

    /// Writes a file, creating it with `mode` less the umask if it does not exist.
    pub fn write_new(
        &mut self,
        path: &str,
        data: &[u8],
        append: bool,
        mode: u32,
    ) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            let existed = crate::real_disk::lstat(path).is_ok();
            crate::real_disk::write(path, data, append, mode)?;
            self.note_write(path, existed, data);
            return self.real_created(path, existed, mode);
        }
        let path = &self.resolve(path, true)?;
        let parent_dir = parent(path).unwrap_or("/");
        match self.lookup(parent_dir) {
            Some(Entry::Dir { .. }) => {}
            Some(Entry::File { .. }) => return Err(FsError("ENOTDIR")),
            _ => return Err(FsError("ENOENT")),
        }
        let (mut bytes, mode, existed) = match self.lookup(path) {
            Some(Entry::Dir { .. }) => return Err(FsError("EISDIR")),
            Some(Entry::File { data, mode }) => {
                (if append { data } else { Vec::new() }, mode, true)
            }
            _ => (Vec::new(), mode & 0o7777 & !self.umask(), false),
        };
        bytes.extend_from_slice(data);
        self.entries
            .insert(path.clone(), Entry::File { data: bytes, mode });
        self.note_write(path, existed, data);
        Ok(())
    }

    /// inotify: a created file is IN_CREATE ('rename'), written bytes IN_MODIFY ('change').
    fn note_write(&mut self, path: &str, existed: bool, data: &[u8]) {
        if !existed {
            self.changed(path, FsEventKind::Rename);
        }
        if existed || !data.is_empty() {
            self.changed(path, FsEventKind::Change);
        }
    }

    pub fn unlink(&mut self, path: &str) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            let r = crate::real_disk::unlink(path);
            return self.noted(r, path, FsEventKind::Rename);
        }
        let path = &self.resolve(path, false)?;
        match self.lookup(path) {
            Some(Entry::File { .. } | Entry::Link(_)) => {
                self.entries.insert(path.clone(), Entry::Removed);
                self.changed(path, FsEventKind::Rename);
                Ok(())
            }
            Some(Entry::Dir { .. }) => Err(FsError("EISDIR")),
            _ => Err(FsError("ENOENT")),
        }
    }

    /// `mkdir(2)` with `mode` less the umask; `recursive` makes missing parents as `mkdir -p`.
    pub fn mkdir(&mut self, path: &str, recursive: bool, mode: u32) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            let existed = crate::real_disk::lstat(path).is_ok();
            crate::real_disk::mkdir(path, recursive, mode)?;
            if !existed {
                self.changed(path, FsEventKind::Rename);
            }
            return self.real_created(path, existed, mode);
        }
        let path = &self.resolve(path, false)?;
        match self.lookup(path) {
            Some(Entry::Dir { .. }) if recursive => return Ok(()),
            Some(Entry::Link(_)) if recursive && self.stat(path).is_ok_and(|s| s.is_dir) => {
                return Ok(());
            }
            Some(Entry::Dir { .. } | Entry::File { .. } | Entry::Link(_)) => {
                return Err(FsError("EEXIST"));
            }
            _ => {}
        }
        let parent_dir = parent(path).unwrap_or("/");
        match self.lookup(parent_dir) {
            Some(Entry::Dir { .. }) => {}
            Some(Entry::File { .. }) => return Err(FsError("ENOTDIR")),
            _ if recursive => self.mkdir(parent_dir, true, mode)?,
            _ => return Err(FsError("ENOENT")),
        }
        let mode = mode & 0o7777 & !self.umask();
        self.entries.insert(path.clone(), Entry::Dir { mode });
        self.changed(path, FsEventKind::Rename);
        Ok(())
    }

    /// `chmod(2)`: a link's target's permission bits.
    pub fn chmod(&mut self, path: &str, mode: u32) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            let r = crate::real_disk::chmod(path, mode);
            if r.is_ok() {
                self.changed_attrs(path);
            }
            return r;
        }
        let path = &self.resolve(path, true)?;
        let entry = match self.lookup(path) {
            Some(Entry::File { data, .. }) => Entry::File {
                data,
                mode: mode & 0o7777,
            },
            Some(Entry::Dir { .. }) => Entry::Dir {
                mode: mode & 0o7777,
            },
            _ => {
                self.check_parents(path)?;
                return Err(FsError("ENOENT"));
            }
        };
        self.entries.insert(path.clone(), entry);
        self.changed_attrs(path);
        Ok(())
    }

    pub fn rmdir(&mut self, path: &str) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            let r = crate::real_disk::rmdir(path);
            return self.noted(r, path, FsEventKind::Rename);
        }
        let path = &self.resolve(path, false)?;
        match self.lookup(path) {
            Some(Entry::Dir { .. }) => {
                if !self.read_dir(path)?.is_empty() {
                    return Err(FsError("ENOTEMPTY"));
                }
                self.entries.insert(path.clone(), Entry::Removed);
                self.changed(path, FsEventKind::Rename);
                Ok(())
            }
            Some(Entry::File { .. } | Entry::Link(_)) => Err(FsError("ENOTDIR")),
            _ => Err(FsError("ENOENT")),
        }
    }

    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            let r = crate::real_disk::rename(from, to);
            let r = self.noted(r, from, FsEventKind::Rename);
            return self.noted(r, to, FsEventKind::Rename);
        }
        let from = &self.resolve(from, false)?;
        let to = &self.resolve(to, false)?;
        match self.lookup(from) {
            Some(Entry::Dir { .. }) => return self.rename_dir(from, to),
            Some(entry @ (Entry::File { .. } | Entry::Link(_))) => {
                if let Some(Entry::Dir { .. }) = self.lookup(to) {
                    return Err(FsError("EISDIR"));
                }
                match self.lookup(parent(to).unwrap_or("/")) {
                    Some(Entry::Dir { .. }) => {}
                    Some(Entry::File { .. }) => return Err(FsError("ENOTDIR")),
                    _ => return Err(FsError("ENOENT")),
                }
                self.entries.insert(to.clone(), entry);
            }
            _ => {
                self.check_parents(from)?;
                return Err(FsError("ENOENT"));
            }
        }
        self.entries.insert(from.clone(), Entry::Removed);
        self.changed(from, FsEventKind::Rename);
        self.changed(to, FsEventKind::Rename);
        Ok(())
    }

    /// A directory moves with everything below it.
    fn rename_dir(&mut self, from: &str, to: &str) -> Result<(), FsError> {
        if is_under(to, from) {
            return Err(FsError("EINVAL"));
        }
        match self.lookup(to) {
            Some(Entry::Dir { .. }) if !self.read_dir(to)?.is_empty() => {
                return Err(FsError("ENOTEMPTY"));
            }
            Some(Entry::File { .. } | Entry::Link(_)) => return Err(FsError("ENOTDIR")),
            _ => {}
        }
        let mode = self.stat(from)?.mode & 0o7777;
        self.entries.insert(to.to_string(), Entry::Dir { mode });
        for name in self.read_dir(from)? {
            self.rename(&format!("{from}/{name}"), &format!("{to}/{name}"))?;
        }
        self.entries.insert(from.to_string(), Entry::Removed);
        Ok(())
    }

    /// Names in a directory, sorted like `ls` (Node returns them in directory order; sorted is stable).
    pub fn read_dir(&self, path: &str) -> Result<Vec<String>, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            return crate::real_disk::read_dir(path);
        }
        let path = &self.resolve(path, true)?;
        match self.lookup(path) {
            Some(Entry::Dir { .. }) => {}
            Some(Entry::File { .. } | Entry::Link(_)) => return Err(FsError("ENOTDIR")),
            _ => return Err(FsError("ENOENT")),
        }
        let mut names: BTreeMap<String, bool> = BTreeMap::new();
        if self.disk {
            for n in disk_read_dir(path) {
                names.insert(n, true);
            }
        }
        let prefix = if path == "/" {
            "/".to_string()
        } else {
            format!("{path}/")
        };
        for (k, e) in &self.entries {
            if let Some(rest) = k.strip_prefix(&prefix) {
                let name = rest.split('/').next().unwrap_or(rest);
                let direct = !rest.contains('/');
                if direct {
                    names.insert(name.to_string(), *e != Entry::Removed);
                } else if !name.is_empty() && *e != Entry::Removed {
                    // Something below a live directory: the directory itself is listed.
                    names.entry(name.to_string()).or_insert(true);
                }
            }
        }
        Ok(names
            .into_iter()
            .filter(|(_, live)| *live)
            .map(|(n, _)| n)
            .collect())
    }
}

/// The parent directory of an absolute path; None for "/".
pub fn parent(path: &str) -> Option<&str> {
    if path == "/" {
        return None;
    }
    match path.rfind('/') {
        Some(0) => Some("/"),
        Some(i) => Some(&path[..i]),
        None => None,
    }
}

pub(crate) fn is_under(key: &str, dir: &str) -> bool {
    key.len() > dir.len() && key.starts_with(dir) && key.as_bytes()[dir.len()] == b'/'
}

/// A real entry as it is: a link stays a link, so the script sees the disk's links.
#[cfg(not(target_arch = "wasm32"))]
fn disk_lookup(path: &str) -> Option<Entry> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::symlink_metadata(path).ok()?;
    let mode = meta.permissions().mode() & 0o7777;
    if meta.is_symlink() {
        let target = std::fs::read_link(path).ok()?;
        Some(Entry::Link(target.to_string_lossy().into_owned()))
    } else if meta.is_dir() {
        Some(Entry::Dir { mode })
    } else {
        let data = std::fs::read(path).ok()?;
        Some(Entry::File { data, mode })
    }
}

#[cfg(target_arch = "wasm32")]
fn disk_lookup(_path: &str) -> Option<Entry> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn disk_read_dir(path: &str) -> Vec<String> {
    std::fs::read_dir(path)
        .map(|rd| {
            rd.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn disk_read_dir(_path: &str) -> Vec<String> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_stay_in_memory_and_dirs_appear() {
        let mut vfs = Vfs::memory();
        vfs.insert("/a/b/c.txt", "hi");
        assert!(vfs.stat("/a/b").unwrap().is_dir);
        assert_eq!(vfs.read_dir("/a").unwrap(), vec!["b"]);
        assert_eq!(vfs.read("/a/b").unwrap_err(), FsError("EISDIR"));
        vfs.write("/a/b/c.txt", b"!", true).unwrap();
        assert_eq!(vfs.stat("/a/b/c.txt").unwrap().mode, kind::FILE | 0o644);
        assert_eq!(vfs.read("/a/b/c.txt").unwrap(), b"hi!");
        vfs.unlink("/a/b/c.txt").unwrap();
        assert_eq!(vfs.read("/a/b/c.txt").unwrap_err(), FsError("ENOENT"));
        assert_eq!(
            vfs.write("/nope/x", b"", false).unwrap_err(),
            FsError("ENOENT")
        );
    }
}
