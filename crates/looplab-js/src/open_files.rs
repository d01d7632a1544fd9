//! File descriptors: what `fs.open` hands out and `fs.read`, `fs.write`, `fs.fstat` and
//! `fs.close` take. Simulated, an open file is a path with an access mode and a position over
//! the [`Vfs`]; with `--real` it is a real one (`real_files`).
use std::collections::BTreeMap;

use crate::vfs::{FsError, Stat, Vfs};
#[cfg(not(target_arch = "wasm32"))]
use looplab_core::uv::FsEventKind;

/// Linux's `open(2)` flags, the numbers Node's `fs.constants` carries.
pub mod flag {
    pub const WRONLY: u32 = 0o1;
    pub const RDWR: u32 = 0o2;
    pub const CREAT: u32 = 0o100;
    pub const EXCL: u32 = 0o200;
    pub const TRUNC: u32 = 0o1000;
    pub const APPEND: u32 = 0o2000;
}

#[derive(Debug, Clone)]
struct OpenFile {
    path: String,
    readable: bool,
    writable: bool,
    append: bool,
    position: u64,
}

/// The simulated process's open files, by descriptor.
#[derive(Debug, Default)]
pub struct OpenFiles {
    files: BTreeMap<i32, OpenFile>,
}

impl OpenFiles {
    /// The lowest free descriptor above stdio, as the kernel picks (real node has already used
    /// a dozen of its own for epoll and pipes, so its first is higher).
    fn next_fd(&self) -> i32 {
        (3..).find(|fd| !self.files.contains_key(fd)).unwrap_or(3)
    }

    fn get(&self, fd: i32) -> Result<OpenFile, FsError> {
        self.files.get(&fd).cloned().ok_or(FsError("EBADF"))
    }
}

impl Vfs {
    /// `open(2)`: `flags` as Linux numbers them.
    /// `mode` (less the umask) is a created file's permission bits.
    pub fn open(&mut self, path: &str, flags: u32, mode: u32) -> Result<i32, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            let existed = crate::real_disk::lstat(path).is_ok();
            let fd = crate::real_files::open(path, flags, mode)?;
            self.real_created(path, existed, mode)?;
            if !existed {
                self.changed(path, FsEventKind::Rename);
            } else if flags & flag::TRUNC != 0 && flags & 0o3 != 0 {
                self.changed(path, FsEventKind::Change);
            }
            self.real_paths.insert(fd, path.to_string());
            return Ok(fd);
        }
        let path = &self.resolve(path, true)?;
        let access = flags & 0o3;
        let writable = access == flag::WRONLY || access == flag::RDWR;
        match self.stat(path) {
            Ok(s) if s.is_dir && writable => return Err(FsError("EISDIR")),
            Ok(_) if flags & flag::CREAT != 0 && flags & flag::EXCL != 0 => {
                return Err(FsError("EEXIST"));
            }
            Ok(s) if !s.is_dir && writable && flags & flag::TRUNC != 0 => {
                self.write(path, &[], false)?
            }
            Ok(_) => {}
            Err(FsError("ENOENT")) if flags & flag::CREAT != 0 => {
                self.write_new(path, &[], false, mode)?
            }
            Err(e) => return Err(e),
        }
        let fd = self.files.next_fd();
        self.files.files.insert(
            fd,
            OpenFile {
                path: path.to_string(),
                readable: access != flag::WRONLY,
                writable,
                append: flags & flag::APPEND != 0,
                position: 0,
            },
        );
        Ok(fd)
    }

    pub fn close(&mut self, fd: i32) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            self.real_paths.remove(&fd);
            return crate::real_files::close(fd);
        }
        self.files
            .files
            .remove(&fd)
            .map(|_| ())
            .ok_or(FsError("EBADF"))
    }

    /// `pread(2)` at `position`, or `read(2)` at the file's own position (which it moves).
    pub fn read_fd(
        &mut self,
        fd: i32,
        length: usize,
        position: Option<u64>,
    ) -> Result<Vec<u8>, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            return crate::real_files::read(fd, length, position);
        }
        let file = self.files.get(fd)?;
        if !file.readable {
            return Err(FsError("EBADF"));
        }
        let data = self.read(&file.path)?;
        let start = position.unwrap_or(file.position).min(data.len() as u64) as usize;
        let end = start.saturating_add(length).min(data.len());
        if position.is_none() {
            self.move_to(fd, end as u64);
        }
        Ok(data[start..end].to_vec())
    }

    /// `pwrite(2)` at `position`, or `write(2)` at the file's own position; a file opened to
    /// append is written at its end whatever the position, as Linux does.
    pub fn write_fd(
        &mut self,
        fd: i32,
        data: &[u8],
        position: Option<u64>,
    ) -> Result<usize, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            let r = crate::real_files::write(fd, data, position);
            return self.noted_fd(r, fd, FsEventKind::Change);
        }
        let file = self.files.get(fd)?;
        if !file.writable {
            return Err(FsError("EBADF"));
        }
        let mut bytes = self.read(&file.path)?;
        let at = if file.append {
            bytes.len()
        } else {
            position.unwrap_or(file.position) as usize
        };
        if bytes.len() < at + data.len() {
            bytes.resize(at + data.len(), 0);
        }
        bytes[at..at + data.len()].copy_from_slice(data);
        self.write(&file.path, &bytes, false)?;
        if position.is_none() || file.append {
            self.move_to(fd, (at + data.len()) as u64);
        }
        Ok(data.len())
    }

    /// `truncate(2)`: cut a file to `len` bytes, or fill it with zeros up to them.
    pub fn truncate(&mut self, path: &str, len: u64) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            let r = crate::real_disk::truncate(path, len);
            return self.noted(r, path, FsEventKind::Change);
        }
        let mut bytes = self.read(path)?;
        bytes.resize(len as usize, 0);
        self.write(path, &bytes, false)
    }

    /// `ftruncate(2)`: the same through a descriptor open for writing.
    pub fn ftruncate(&mut self, fd: i32, len: u64) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            let r = crate::real_files::ftruncate(fd, len);
            return self.noted_fd(r, fd, FsEventKind::Change);
        }
        let file = self.files.get(fd)?;
        if !file.writable {
            return Err(FsError("EINVAL"));
        }
        self.truncate(&file.path, len)
    }

    /// `fchown(2)`: as `chown` on the open file.
    pub fn fchown(&mut self, fd: i32, uid: Option<u32>, gid: Option<u32>) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            let r = crate::real_files::fchown(fd, uid, gid);
            if r.is_ok()
                && let Some(path) = self.real_paths.get(&fd).cloned()
            {
                self.changed_attrs(&path);
            }
            return r;
        }
        let path = self.files.get(fd)?.path;
        self.chown(&path, uid, gid, true)
    }

    /// `fstat(2)` of stdin, stdout or stderr: a terminal, as a script run in a shell has.
    fn stdio_stat() -> Stat {
        Stat {
            is_dir: false,
            size: 0,
            mode: 0o020620,
            mtime_ms: 0.0,
            ctime_ms: 0.0,
        }
    }

    /// `fchmod(2)`: the open file's permission bits.
    pub fn fchmod(&mut self, fd: i32, mode: u32) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            let r = crate::real_files::fchmod(fd, mode);
            if r.is_ok()
                && let Some(path) = self.real_paths.get(&fd).cloned()
            {
                self.changed_attrs(&path);
            }
            return r;
        }
        let path = self.files.get(fd)?.path;
        self.chmod(&path, mode)
    }

    pub fn fstat(&self, fd: i32) -> Result<Stat, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            return crate::real_files::fstat(fd);
        }
        if (0..=2).contains(&fd) {
            return Ok(Self::stdio_stat());
        }
        self.stat(&self.files.get(fd)?.path)
    }

    /// With `--real`: a change through a descriptor, at the path it was opened at.
    #[cfg(not(target_arch = "wasm32"))]
    fn noted_fd<T>(
        &mut self,
        result: Result<T, FsError>,
        fd: i32,
        kind: FsEventKind,
    ) -> Result<T, FsError> {
        match self.real_paths.get(&fd).cloned() {
            Some(path) => self.noted(result, &path, kind),
            None => result,
        }
    }

    fn move_to(&mut self, fd: i32, position: u64) {
        if let Some(f) = self.files.files.get_mut(&fd) {
            f.position = position;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_descriptor_reads_and_writes_at_its_position() {
        let mut vfs = Vfs::memory();
        vfs.insert("/a.txt", "hello world");
        let fd = vfs.open("/a.txt", 0, 0o666).unwrap();
        assert_eq!(fd, 3);
        assert_eq!(vfs.read_fd(fd, 5, None).unwrap(), b"hello");
        assert_eq!(vfs.read_fd(fd, 100, None).unwrap(), b" world");
        assert_eq!(vfs.read_fd(fd, 100, None).unwrap(), b"");
        assert_eq!(vfs.read_fd(fd, 3, Some(6)).unwrap(), b"wor");
        assert_eq!(vfs.write_fd(fd, b"x", None), Err(FsError("EBADF")));
        vfs.close(fd).unwrap();
        assert_eq!(vfs.close(fd), Err(FsError("EBADF")));

        let w = vfs
            .open("/b.txt", flag::WRONLY | flag::CREAT | flag::TRUNC, 0o666)
            .unwrap();
        assert_eq!(w, 3, "the lowest free descriptor again");
        vfs.write_fd(w, b"abc", None).unwrap();
        vfs.write_fd(w, b"Z", Some(5)).unwrap();
        assert_eq!(vfs.read("/b.txt").unwrap(), b"abc\0\0Z");
        assert_eq!(vfs.fstat(w).unwrap().size, 6);
        assert_eq!(vfs.read_fd(w, 1, None), Err(FsError("EBADF")));
        assert_eq!(
            vfs.open("/b.txt", flag::WRONLY | flag::CREAT | flag::EXCL, 0o666),
            Err(FsError("EEXIST"))
        );
        let a = vfs
            .open("/b.txt", flag::WRONLY | flag::APPEND, 0o666)
            .unwrap();
        vfs.write_fd(a, b"!", Some(0)).unwrap();
        assert_eq!(vfs.read("/b.txt").unwrap(), b"abc\0\0Z!");
        assert_eq!(vfs.open("/none", 0, 0o666), Err(FsError("ENOENT")));
        vfs.truncate("/b.txt", 2).unwrap();
        assert_eq!(vfs.read("/b.txt").unwrap(), b"ab");
        vfs.ftruncate(a, 4).unwrap();
        assert_eq!(vfs.read("/b.txt").unwrap(), b"ab\0\0");
        let r = vfs.open("/b.txt", 0, 0o666).unwrap();
        assert_eq!(
            vfs.ftruncate(r, 0),
            Err(FsError("EINVAL")),
            "not open for writing"
        );
        assert_eq!(vfs.open("/", flag::WRONLY, 0o666), Err(FsError("EISDIR")));
    }
}
