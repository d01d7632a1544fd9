//! With `--real` a pool operation runs on a real thread, away from the [`Vfs`]: what it will
//! change is worked out when it is submitted and noted when its result is taken (by then inotify
//! would have queued it), so fs.watch hears the script's async calls as it hears its sync ones.
use looplab_core::uv::FsEventKind;

use crate::open_files::flag;
use crate::pool_op::{PoolOp, PoolValue};
use crate::vfs::Vfs;

/// What to note once the operation has succeeded.
#[derive(Debug)]
pub(crate) enum RealChange {
    Paths(Vec<(String, FsEventKind)>),
    /// An open: the descriptor it returns was opened at this path.
    Opened(String, Vec<(String, FsEventKind)>),
    WroteFd(i32),
    Closed(i32),
}

/// The change `op` will make, judged before it runs (None for one that changes nothing).
pub(crate) fn before(op: &PoolOp) -> Option<RealChange> {
    let exists = |p: &str| crate::real_disk::lstat(p).is_ok();
    let one = |p: &str, k| RealChange::Paths(vec![(p.to_string(), k)]);
    Some(match op {
        PoolOp::Write { path, data, .. } => {
            let mut v = Vec::new();
            if !exists(path) {
                v.push((path.clone(), FsEventKind::Rename));
            }
            if exists(path) || !data.is_empty() {
                v.push((path.clone(), FsEventKind::Change));
            }
            RealChange::Paths(v)
        }
        PoolOp::Mkdir { path, .. } | PoolOp::Rmdir(path) | PoolOp::Unlink(path) => {
            one(path, FsEventKind::Rename)
        }
        PoolOp::Rename(from, to) => RealChange::Paths(vec![
            (from.clone(), FsEventKind::Rename),
            (to.clone(), FsEventKind::Rename),
        ]),
        PoolOp::Open { path, flags, .. } => {
            let v = if !exists(path) && flags & flag::CREAT != 0 {
                vec![(path.clone(), FsEventKind::Rename)]
            } else if flags & flag::TRUNC != 0 && flags & 0o3 != 0 {
                vec![(path.clone(), FsEventKind::Change)]
            } else {
                Vec::new()
            };
            RealChange::Opened(path.clone(), v)
        }
        PoolOp::WriteFd { fd, .. } => RealChange::WroteFd(*fd),
        PoolOp::Close(fd) => RealChange::Closed(*fd),
        _ => return None,
    })
}

/// Notes the change of an operation that returned `value`.
pub(crate) fn after(change: RealChange, value: &PoolValue, vfs: &mut Vfs) {
    match change {
        RealChange::Paths(v) => v.iter().for_each(|(p, k)| vfs.changed(p, *k)),
        RealChange::Opened(path, v) => {
            v.iter().for_each(|(p, k)| vfs.changed(p, *k));
            if let PoolValue::Number(fd) = value {
                vfs.real_paths.insert(*fd as i32, path);
            }
        }
        RealChange::WroteFd(fd) => {
            if let Some(p) = vfs.real_paths.get(&fd).cloned() {
                vfs.changed(&p, FsEventKind::Change);
            }
        }
        RealChange::Closed(fd) => {
            vfs.real_paths.remove(&fd);
        }
    }
}
