//! `fs`: synchronous primitives over the [`Vfs`](crate::vfs::Vfs). Paths are made absolute from
//! the working directory; failures throw the POSIX code as a string, and JavaScript builds Node's
//! error object (code, errno, syscall, path) from it.
use boa_engine::{Context, JsError, JsResult, JsValue};

use super::{Native, arg, arg_bytes, arg_f64, arg_string, array, bytes_value, host, str_value};
use crate::resolve::join;
use crate::vfs::FsError;

pub(super) const FNS: &[(&str, Native)] = &[
    ("read", read),
    ("write", write),
    ("stat", stat),
    ("readdir", readdir),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("unlink", unlink),
    ("rename", rename),
    ("resolve", resolve_path),
    ("open", open),
    ("close", close),
    ("readFd", read_fd),
    ("writeFd", write_fd),
    ("fstat", fstat),
    ("truncate", truncate),
    ("ftruncate", ftruncate),
    ("lstat", lstat),
    ("chmod", chmod),
    ("fchmod", fchmod),
    ("symlink", symlink),
    ("readlink", readlink),
    ("realpath", realpath),
    ("umask", umask),
    ("chown", chown),
    ("fchown", fchown),
];

fn path_arg(args: &[JsValue], i: usize, context: &mut Context) -> JsResult<String> {
    let p = arg_string(args, i, context)?;
    let cwd = host(context).borrow().options.cwd.clone();
    Ok(join(&cwd, &p))
}

fn fail(e: FsError) -> JsError {
    JsError::from_opaque(str_value(e.0))
}

fn resolve_path(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    Ok(str_value(&path_arg(args, 0, context)?))
}

fn read(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let data = host(context).borrow().vfs.read(&p).map_err(fail)?;
    host(context)
        .borrow_mut()
        .charge_builtin(|c| c.fs_sync(data.len() as u64));
    bytes_value(data, context)
}

fn write(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let data = arg_bytes(args, 1, context)?;
    let append = arg(args, 2).to_boolean();
    host(context)
        .borrow_mut()
        .vfs
        .write(&p, &data, append)
        .map_err(fail)?;
    host(context)
        .borrow_mut()
        .charge_builtin(|c| c.fs_sync(data.len() as u64));
    Ok(JsValue::undefined())
}

fn stat(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let s = host(context).borrow().vfs.stat(&p).map_err(fail)?;
    Ok(stat_value(s, context))
}

fn readdir(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let names = host(context).borrow().vfs.read_dir(&p).map_err(fail)?;
    let values = names.iter().map(|n| str_value(n)).collect();
    Ok(array(values, context))
}

fn mkdir(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let recursive = arg(args, 1).to_boolean();
    let mode = mode_arg(args, 2, 0o777, context)?;
    host(context)
        .borrow_mut()
        .vfs
        .mkdir(&p, recursive, mode)
        .map_err(fail)?;
    Ok(JsValue::undefined())
}

/// A mode JavaScript has validated (a 32-bit unsigned number), or `default` when absent.
pub(super) fn mode_arg(
    args: &[JsValue],
    i: usize,
    default: u32,
    context: &mut Context,
) -> JsResult<u32> {
    let v = arg(args, i);
    if v.is_null_or_undefined() {
        return Ok(default);
    }
    v.to_u32(context)
}

fn lstat(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let s = host(context).borrow().vfs.lstat(&p).map_err(fail)?;
    Ok(stat_value(s, context))
}

fn chmod(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let mode = mode_arg(args, 1, 0, context)?;
    host(context)
        .borrow_mut()
        .vfs
        .chmod(&p, mode)
        .map_err(fail)?;
    Ok(JsValue::undefined())
}

fn fchmod(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let fd = fd_arg(args, 0, context)?;
    let mode = mode_arg(args, 1, 0, context)?;
    host(context)
        .borrow_mut()
        .vfs
        .fchmod(fd, mode)
        .map_err(fail)?;
    Ok(JsValue::undefined())
}

/// `symlink(target, path)`: the target is stored as the script wrote it, not made absolute.
fn symlink(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = arg_string(args, 0, context)?;
    let p = path_arg(args, 1, context)?;
    host(context)
        .borrow_mut()
        .vfs
        .symlink(&target, &p)
        .map_err(fail)?;
    Ok(JsValue::undefined())
}

fn readlink(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let target = host(context).borrow().vfs.readlink(&p).map_err(fail)?;
    Ok(str_value(&target))
}

fn realpath(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let real = host(context).borrow().vfs.realpath(&p).map_err(fail)?;
    Ok(str_value(&real))
}

/// A uid or gid JavaScript has validated; -1 leaves it as it is.
fn id_arg(args: &[JsValue], i: usize, context: &mut Context) -> JsResult<Option<u32>> {
    let v = super::arg_f64(args, i, context)?;
    Ok((v >= 0.0).then_some(v as u32))
}

/// `chown(path, uid, gid, follow)`: `lchown` when not `follow`.
fn chown(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let uid = id_arg(args, 1, context)?;
    let gid = id_arg(args, 2, context)?;
    let follow = arg(args, 3).to_boolean();
    host(context)
        .borrow_mut()
        .vfs
        .chown(&p, uid, gid, follow)
        .map_err(fail)?;
    Ok(JsValue::undefined())
}

fn fchown(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let fd = fd_arg(args, 0, context)?;
    let uid = id_arg(args, 1, context)?;
    let gid = id_arg(args, 2, context)?;
    host(context)
        .borrow_mut()
        .vfs
        .fchown(fd, uid, gid)
        .map_err(fail)?;
    Ok(JsValue::undefined())
}

/// `umask([mask])`: the mask, set to `mask` when given; returns the old one.
fn umask(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let h = host(context);
    if arg(args, 0).is_null_or_undefined() {
        return Ok(JsValue::from(h.borrow().vfs.umask()));
    }
    let mask = arg(args, 0).to_u32(context)?;
    Ok(JsValue::from(h.borrow_mut().vfs.set_umask(mask)))
}

fn rmdir(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    host(context).borrow_mut().vfs.rmdir(&p).map_err(fail)?;
    Ok(JsValue::undefined())
}

fn unlink(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    host(context).borrow_mut().vfs.unlink(&p).map_err(fail)?;
    Ok(JsValue::undefined())
}

fn rename(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let from = path_arg(args, 0, context)?;
    let to = path_arg(args, 1, context)?;
    host(context)
        .borrow_mut()
        .vfs
        .rename(&from, &to)
        .map_err(fail)?;
    Ok(JsValue::undefined())
}

/// A file position: a number, or null/undefined for the file's own position.
pub(super) fn position_arg(
    args: &[JsValue],
    i: usize,
    context: &mut Context,
) -> JsResult<Option<u64>> {
    let v = arg(args, i);
    if v.is_null_or_undefined() {
        return Ok(None);
    }
    Ok(Some(v.to_number(context)?.max(0.0) as u64))
}

fn fd_arg(args: &[JsValue], i: usize, context: &mut Context) -> JsResult<i32> {
    Ok(arg_f64(args, i, context)? as i32)
}

/// `[mode, size, mtimeMs, ctimeMs]`: JavaScript's Stats reads the file type from the mode.
pub(super) fn stat_value(s: crate::vfs::Stat, context: &mut Context) -> JsValue {
    let values = vec![
        JsValue::from(s.mode),
        JsValue::from(s.size),
        JsValue::from(s.mtime_ms),
        JsValue::from(s.ctime_ms),
    ];
    array(values, context)
}

fn open(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let flags = arg_f64(args, 1, context)? as u32;
    let mode = mode_arg(args, 2, 0o666, context)?;
    let fd = host(context)
        .borrow_mut()
        .vfs
        .open(&p, flags, mode)
        .map_err(fail)?;
    host(context).borrow_mut().charge_builtin(|c| c.fs_sync(0));
    Ok(JsValue::from(fd))
}

fn close(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let fd = fd_arg(args, 0, context)?;
    host(context).borrow_mut().vfs.close(fd).map_err(fail)?;
    Ok(JsValue::undefined())
}

fn read_fd(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let fd = fd_arg(args, 0, context)?;
    let length = arg_f64(args, 1, context)?.max(0.0) as usize;
    let position = position_arg(args, 2, context)?;
    let data = host(context)
        .borrow_mut()
        .vfs
        .read_fd(fd, length, position)
        .map_err(fail)?;
    host(context)
        .borrow_mut()
        .charge_builtin(|c| c.fs_sync(data.len() as u64));
    bytes_value(data, context)
}

fn write_fd(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let fd = fd_arg(args, 0, context)?;
    let data = arg_bytes(args, 1, context)?;
    let position = position_arg(args, 2, context)?;
    let n = host(context)
        .borrow_mut()
        .vfs
        .write_fd(fd, &data, position)
        .map_err(fail)?;
    host(context)
        .borrow_mut()
        .charge_builtin(|c| c.fs_sync(data.len() as u64));
    Ok(JsValue::from(n as f64))
}

fn length_arg(args: &[JsValue], i: usize, context: &mut Context) -> JsResult<u64> {
    Ok(arg_f64(args, i, context)?.max(0.0) as u64)
}

fn truncate(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let p = path_arg(args, 0, context)?;
    let len = length_arg(args, 1, context)?;
    host(context)
        .borrow_mut()
        .vfs
        .truncate(&p, len)
        .map_err(fail)?;
    Ok(JsValue::undefined())
}

fn ftruncate(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let fd = fd_arg(args, 0, context)?;
    let len = length_arg(args, 1, context)?;
    host(context)
        .borrow_mut()
        .vfs
        .ftruncate(fd, len)
        .map_err(fail)?;
    Ok(JsValue::undefined())
}

fn fstat(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let fd = fd_arg(args, 0, context)?;
    let s = host(context).borrow().vfs.fstat(fd).map_err(fail)?;
    Ok(stat_value(s, context))
}
