//! The real file system, for `looplab run --real`: the same operations as the `Vfs`, done with
//! `std::fs`, with failures named by their POSIX code as Node reports them. Stateless, so pool
//! threads can call it.
use crate::vfs::{FsError, Stat};
use std::io::ErrorKind;

pub(crate) fn code(e: &std::io::Error) -> FsError {
    FsError(match e.raw_os_error() {
        Some(2) => "ENOENT",
        Some(13) => "EACCES",
        Some(17) => "EEXIST",
        Some(20) => "ENOTDIR",
        Some(21) => "EISDIR",
        Some(39) => "ENOTEMPTY",
        Some(40) => "ELOOP",
        Some(22) => "EINVAL",
        Some(1) => "EPERM",
        Some(18) => "EXDEV",
        Some(9) => "EBADF",
        _ => match e.kind() {
            ErrorKind::NotFound => "ENOENT",
            ErrorKind::PermissionDenied => "EACCES",
            ErrorKind::AlreadyExists => "EEXIST",
            _ => "EINVAL",
        },
    })
}

pub(crate) fn stat_of(meta: &std::fs::Metadata) -> Stat {
    use std::os::unix::fs::MetadataExt;
    let ms = |secs: i64, nsecs: i64| secs as f64 * 1e3 + nsecs as f64 / 1e6;
    Stat {
        is_dir: meta.is_dir(),
        size: meta.len(),
        mode: meta.mode(),
        mtime_ms: ms(meta.mtime(), meta.mtime_nsec()),
        ctime_ms: ms(meta.ctime(), meta.ctime_nsec()),
    }
}

pub fn stat(path: &str) -> Result<Stat, FsError> {
    let meta = std::fs::metadata(path).map_err(|e| code(&e))?;
    Ok(stat_of(&meta))
}

pub fn lstat(path: &str) -> Result<Stat, FsError> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| code(&e))?;
    Ok(stat_of(&meta))
}

pub fn chmod(path: &str, mode: u32) -> Result<(), FsError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(|e| code(&e))
}

pub fn chown(path: &str, uid: Option<u32>, gid: Option<u32>, follow: bool) -> Result<(), FsError> {
    if follow {
        std::os::unix::fs::chown(path, uid, gid)
    } else {
        std::os::unix::fs::lchown(path, uid, gid)
    }
    .map_err(|e| code(&e))
}

pub fn symlink(target: &str, path: &str) -> Result<(), FsError> {
    std::os::unix::fs::symlink(target, path).map_err(|e| code(&e))
}

pub fn readlink(path: &str) -> Result<String, FsError> {
    let target = std::fs::read_link(path).map_err(|e| code(&e))?;
    Ok(target.to_string_lossy().into_owned())
}

pub fn realpath(path: &str) -> Result<String, FsError> {
    let real = std::fs::canonicalize(path).map_err(|e| code(&e))?;
    Ok(real.to_string_lossy().into_owned())
}

pub fn read(path: &str) -> Result<Vec<u8>, FsError> {
    std::fs::read(path).map_err(|e| code(&e))
}

/// `mode` (less the kernel's umask) applies only when the file is created.
pub fn write(path: &str, data: &[u8], append: bool, mode: u32) -> Result<(), FsError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .mode(mode)
        .create(true)
        .write(true)
        .append(append)
        .truncate(!append)
        .open(path)
        .map_err(|e| code(&e))?;
    file.write_all(data).map_err(|e| code(&e))
}

pub fn truncate(path: &str, len: u64) -> Result<(), FsError> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| code(&e))?;
    file.set_len(len).map_err(|e| code(&e))
}

pub fn unlink(path: &str) -> Result<(), FsError> {
    if lstat(path)?.is_dir {
        return Err(FsError("EISDIR"));
    }
    std::fs::remove_file(path).map_err(|e| code(&e))
}

pub fn mkdir(path: &str, recursive: bool, mode: u32) -> Result<(), FsError> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(recursive)
        .mode(mode)
        .create(path)
        .map_err(|e| code(&e))
}

pub fn rmdir(path: &str) -> Result<(), FsError> {
    std::fs::remove_dir(path).map_err(|e| code(&e))
}

pub fn rename(from: &str, to: &str) -> Result<(), FsError> {
    std::fs::rename(from, to).map_err(|e| code(&e))
}

/// Names in a directory, sorted (the `Vfs` sorts too, so both modes print alike).
pub fn read_dir(path: &str) -> Result<Vec<String>, FsError> {
    let mut names: Vec<String> = std::fs::read_dir(path)
        .map_err(|e| code(&e))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    Ok(names)
}
