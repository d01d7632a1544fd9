//! Real open files for `looplab run --real`: the descriptor a script sees is the kernel's. Pool
//! threads read and write them, so the table is shared and each file is reference counted.
use std::collections::HashMap;
use std::fs::File;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::sync::{Arc, LazyLock, Mutex};

use crate::open_files::flag;
use crate::real_disk::code;
use crate::vfs::{FsError, Stat};

static FILES: LazyLock<Mutex<HashMap<i32, Arc<File>>>> = LazyLock::new(Mutex::default);

fn table() -> std::sync::MutexGuard<'static, HashMap<i32, Arc<File>>> {
    FILES.lock().unwrap_or_else(|e| e.into_inner())
}

fn file(fd: i32) -> Result<Arc<File>, FsError> {
    table().get(&fd).cloned().ok_or(FsError("EBADF"))
}

pub fn open(path: &str, flags: u32, mode: u32) -> Result<i32, FsError> {
    let access = flags & 0o3;
    let file = std::fs::OpenOptions::new()
        .read(access != flag::WRONLY)
        .write(access != 0)
        .append(flags & flag::APPEND != 0)
        .custom_flags((flags & (flag::CREAT | flag::EXCL | flag::TRUNC)) as i32)
        .mode(mode)
        .open(path)
        .map_err(|e| code(&e))?;
    let fd = file.as_raw_fd();
    table().insert(fd, Arc::new(file));
    Ok(fd)
}

pub fn close(fd: i32) -> Result<(), FsError> {
    table().remove(&fd).map(|_| ()).ok_or(FsError("EBADF"))
}

pub fn read(fd: i32, length: usize, position: Option<u64>) -> Result<Vec<u8>, FsError> {
    use std::io::Read;
    let file = file(fd)?;
    let mut buf = vec![0; length];
    let n = match position {
        Some(at) => file.read_at(&mut buf, at),
        None => (&*file).read(&mut buf),
    }
    .map_err(|e| code(&e))?;
    buf.truncate(n);
    Ok(buf)
}

pub fn write(fd: i32, data: &[u8], position: Option<u64>) -> Result<usize, FsError> {
    use std::io::Write;
    let file = file(fd)?;
    match position {
        Some(at) => file.write_at(data, at),
        None => (&*file).write(data),
    }
    .map_err(|e| code(&e))
}

pub fn ftruncate(fd: i32, len: u64) -> Result<(), FsError> {
    file(fd)?.set_len(len).map_err(|e| code(&e))
}

pub fn fstat(fd: i32) -> Result<Stat, FsError> {
    if (0..=2).contains(&fd) && !table().contains_key(&fd) {
        // The process's own stdio, which the table does not hold.
        let meta = std::fs::metadata(format!("/proc/self/fd/{fd}")).map_err(|e| code(&e))?;
        return Ok(crate::real_disk::stat_of(&meta));
    }
    let meta = file(fd)?.metadata().map_err(|e| code(&e))?;
    Ok(crate::real_disk::stat_of(&meta))
}

pub fn fchown(fd: i32, uid: Option<u32>, gid: Option<u32>) -> Result<(), FsError> {
    std::os::unix::fs::fchown(&*file(fd)?, uid, gid).map_err(|e| code(&e))
}

pub fn fchmod(fd: i32, mode: u32) -> Result<(), FsError> {
    use std::os::unix::fs::PermissionsExt;
    file(fd)?
        .set_permissions(std::fs::Permissions::from_mode(mode))
        .map_err(|e| code(&e))
}
