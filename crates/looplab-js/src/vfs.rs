//! The file system a script sees. In the CLI it reads real files lazily at their real absolute paths
//! and keeps every write in memory; in the page it holds only the scenario's files.
use std::collections::BTreeMap;

/// A failed file-system call, named by its POSIX code (`ENOENT`, ...); JS adds syscall and path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FsError(pub &'static str);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    File(Vec<u8>),
    Dir,
    Removed,
}

/// What `stat` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    pub is_dir: bool,
    pub size: u64,
}

/// Files by absolute, normalized path, over an optional read-only view of the real disk.
#[derive(Debug, Default)]
pub struct Vfs {
    entries: BTreeMap<String, Entry>,
    disk: bool,
    /// `looplab run --real`: every call goes to the real file system, writes included.
    real: bool,
    /// Descriptors `fs.open` handed out (simulated; `--real` keeps the kernel's).
    pub(crate) files: crate::open_files::OpenFiles,
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

    /// Adds a file (and its parent directories).
    pub fn insert(&mut self, path: &str, data: impl Into<Vec<u8>>) {
        self.make_parents(path);
        self.entries
            .insert(path.to_string(), Entry::File(data.into()));
    }

    fn make_parents(&mut self, path: &str) {
        let mut dir = parent(path);
        while let Some(d) = dir {
            if matches!(self.entries.get(d), Some(Entry::Dir)) {
                break;
            }
            self.entries.insert(d.to_string(), Entry::Dir);
            dir = parent(d);
        }
    }

    fn lookup(&self, path: &str) -> Option<Entry> {
        if let Some(e) = self.entries.get(path) {
            return Some(e.clone());
        }
        if path == "/" {
            return Some(Entry::Dir);
        }
        if self.entries.keys().any(|k| is_under(k, path)) {
            return Some(Entry::Dir);
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
        match self.lookup(path) {
            Some(Entry::File(d)) => Ok(Stat {
                is_dir: false,
                size: d.len() as u64,
            }),
            Some(Entry::Dir) => Ok(Stat {
                is_dir: true,
                size: 4096,
            }),
            _ => {
                self.check_parents(path)?;
                Err(FsError("ENOENT"))
            }
        }
    }

    fn check_parents(&self, path: &str) -> Result<(), FsError> {
        let mut dir = parent(path);
        while let Some(d) = dir {
            if let Some(Entry::File(_)) = self.lookup(d) {
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
        match self.lookup(path) {
            Some(Entry::File(d)) => Ok(d),
            Some(Entry::Dir) => Err(FsError("EISDIR")),
            _ => {
                self.check_parents(path)?;
                Err(FsError("ENOENT"))
            }
        }
    }

    pub fn write(&mut self, path: &str, data: &[u8], append: bool) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            return crate::real_disk::write(path, data, append);
        }
        let parent_dir = parent(path).unwrap_or("/");
        match self.lookup(parent_dir) {
            Some(Entry::Dir) => {}
            Some(Entry::File(_)) => return Err(FsError("ENOTDIR")),
            _ => return Err(FsError("ENOENT")),
        }
        let mut bytes = match self.lookup(path) {
            Some(Entry::Dir) => return Err(FsError("EISDIR")),
            Some(Entry::File(old)) if append => old,
            _ => Vec::new(),
        };
        bytes.extend_from_slice(data);
        self.entries.insert(path.to_string(), Entry::File(bytes));
        Ok(())
    }

    pub fn unlink(&mut self, path: &str) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            return crate::real_disk::unlink(path);
        }
        match self.lookup(path) {
            Some(Entry::File(_)) => {
                self.entries.insert(path.to_string(), Entry::Removed);
                Ok(())
            }
            Some(Entry::Dir) => Err(FsError("EISDIR")),
            _ => Err(FsError("ENOENT")),
        }
    }

    pub fn mkdir(&mut self, path: &str, recursive: bool) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            return crate::real_disk::mkdir(path, recursive);
        }
        match self.lookup(path) {
            Some(Entry::Dir) if recursive => return Ok(()),
            Some(Entry::Dir | Entry::File(_)) => return Err(FsError("EEXIST")),
            _ => {}
        }
        let parent_dir = parent(path).unwrap_or("/");
        match self.lookup(parent_dir) {
            Some(Entry::Dir) => {}
            Some(Entry::File(_)) => return Err(FsError("ENOTDIR")),
            _ if recursive => self.mkdir(parent_dir, true)?,
            _ => return Err(FsError("ENOENT")),
        }
        self.entries.insert(path.to_string(), Entry::Dir);
        Ok(())
    }

    pub fn rmdir(&mut self, path: &str) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            return crate::real_disk::rmdir(path);
        }
        match self.lookup(path) {
            Some(Entry::Dir) => {
                if !self.read_dir(path)?.is_empty() {
                    return Err(FsError("ENOTEMPTY"));
                }
                self.entries.insert(path.to_string(), Entry::Removed);
                Ok(())
            }
            Some(Entry::File(_)) => Err(FsError("ENOTDIR")),
            _ => Err(FsError("ENOENT")),
        }
    }

    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            return crate::real_disk::rename(from, to);
        }
        let data = self.read(from)?;
        self.write(to, &data, false)?;
        self.entries.insert(from.to_string(), Entry::Removed);
        Ok(())
    }

    /// Names in a directory, sorted like `ls` (Node returns them in directory order; sorted is stable).
    pub fn read_dir(&self, path: &str) -> Result<Vec<String>, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.real {
            return crate::real_disk::read_dir(path);
        }
        match self.lookup(path) {
            Some(Entry::Dir) => {}
            Some(Entry::File(_)) => return Err(FsError("ENOTDIR")),
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

fn is_under(key: &str, dir: &str) -> bool {
    key.len() > dir.len() && key.starts_with(dir) && key.as_bytes()[dir.len()] == b'/'
}

#[cfg(not(target_arch = "wasm32"))]
fn disk_lookup(path: &str) -> Option<Entry> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_dir() {
        Some(Entry::Dir)
    } else {
        std::fs::read(path).ok().map(Entry::File)
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
        assert_eq!(vfs.read("/a/b/c.txt").unwrap(), b"hi!");
        vfs.unlink("/a/b/c.txt").unwrap();
        assert_eq!(vfs.read("/a/b/c.txt").unwrap_err(), FsError("ENOENT"));
        assert_eq!(
            vfs.write("/nope/x", b"", false).unwrap_err(),
            FsError("ENOENT")
        );
    }
}
