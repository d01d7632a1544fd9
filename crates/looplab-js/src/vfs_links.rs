//! Symbolic links in the simulated file system: how a path is resolved through them, and the
//! calls that make, read and look at links themselves (`symlink`, `readlink`, `lstat`,
//! `realpath`). `--real` passes each call to the kernel.
use crate::resolve::join;
use crate::vfs::{Entry, FsError, Stat, Vfs, parent};

/// The uid and gid the script runs as (process.getuid() says so too).
const SCRIPT_ID: u32 = 1000;

/// Linux gives up after 40 links in one lookup (`ELOOP`).
const MAX_LINKS: u32 = 40;

impl Vfs {
    /// The path with every link in it replaced by its target; the last component's link is
    /// followed only when `follow_last` (stat follows it, lstat and unlink do not).
    pub(crate) fn resolve(&self, path: &str, follow_last: bool) -> Result<String, FsError> {
        if self.is_real() {
            return Ok(path.to_string());
        }
        let mut hops = 0;
        let mut pending: Vec<String> = components(path);
        pending.reverse();
        let mut done = String::new();
        while let Some(name) = pending.pop() {
            let here = format!("{done}/{name}");
            let last = pending.is_empty();
            match self.lookup(&here) {
                Some(Entry::Link(target)) if !last || follow_last => {
                    hops += 1;
                    if hops > MAX_LINKS {
                        return Err(FsError("ELOOP"));
                    }
                    let base = if done.is_empty() { "/" } else { &done };
                    let full = join(base, &target);
                    let mut more = components(&full);
                    more.reverse();
                    pending.extend(more);
                    done.clear();
                }
                Some(Entry::File { .. }) if !last => return Err(FsError("ENOTDIR")),
                _ => done = here,
            }
        }
        Ok(if done.is_empty() { "/".into() } else { done })
    }

    /// `symlink(2)`: `target` is kept as given, relative targets resolving from the link's
    /// directory when followed.
    pub fn symlink(&mut self, target: &str, path: &str) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            let r = crate::real_disk::symlink(target, path);
            return self.noted(r, path, looplab_core::uv::FsEventKind::Rename);
        }
        let path = self.resolve(path, false)?;
        if self.lookup(&path).is_some_and(|e| e != Entry::Removed) {
            return Err(FsError("EEXIST"));
        }
        match self.stat(parent(&path).unwrap_or("/")) {
            Ok(s) if s.is_dir => {}
            Ok(_) => return Err(FsError("ENOTDIR")),
            Err(e) => return Err(e),
        }
        self.insert_entry(&path, Entry::Link(target.to_string()));
        self.changed(&path, looplab_core::uv::FsEventKind::Rename);
        Ok(())
    }

    /// `readlink(2)`: a link's target; anything else is `EINVAL`.
    pub fn readlink(&self, path: &str) -> Result<String, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            return crate::real_disk::readlink(path);
        }
        match self.lookup(&self.resolve(path, false)?) {
            Some(Entry::Link(target)) => Ok(target),
            Some(Entry::Removed) | None => Err(FsError("ENOENT")),
            Some(_) => Err(FsError("EINVAL")),
        }
    }

    /// `lstat(2)`: a link itself, not what it points to.
    pub fn lstat(&self, path: &str) -> Result<Stat, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            return crate::real_disk::lstat(path);
        }
        let path = self.resolve(path, false)?;
        self.lookup(&path)
            .as_ref()
            .and_then(Stat::of)
            .map(|s| self.with_times(&path, s))
            .ok_or(FsError("ENOENT"))
    }

    /// `chown(2)` (`lchown(2)` when not `follow`): the script runs as an ordinary user (uid and
    /// gid 1000), who may give an entry only to itself; None leaves an id as it is.
    pub fn chown(
        &mut self,
        path: &str,
        uid: Option<u32>,
        gid: Option<u32>,
        follow: bool,
    ) -> Result<(), FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            let r = crate::real_disk::chown(path, uid, gid, follow);
            if r.is_ok() {
                self.changed_attrs(path);
            }
            return r;
        }
        let path = self.resolve(path, follow)?;
        if self.lookup(&path).is_none_or(|e| e == Entry::Removed) {
            return Err(FsError("ENOENT"));
        }
        if uid.is_some_and(|u| u != SCRIPT_ID) || gid.is_some_and(|g| g != SCRIPT_ID) {
            return Err(FsError("EPERM"));
        }
        self.changed_attrs(&path);
        Ok(())
    }

    /// `realpath(3)`: the path with no links, `.` or `..` in it, which must exist.
    pub fn realpath(&self, path: &str) -> Result<String, FsError> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_real() {
            return crate::real_disk::realpath(path);
        }
        let path = self.resolve(path, true)?;
        self.stat(&path)?;
        Ok(path)
    }
}

fn components(path: &str) -> Vec<String> {
    path.split('/')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_relative_to_their_directory() {
        let mut vfs = Vfs::memory();
        vfs.insert("/a/b/c.txt", "hi");
        vfs.symlink("b", "/a/l").unwrap();
        vfs.symlink("/a/l/c.txt", "/f").unwrap();
        assert_eq!(vfs.read("/f").unwrap(), b"hi");
        assert_eq!(vfs.read("/a/l/c.txt").unwrap(), b"hi");
        assert_eq!(vfs.readlink("/a/l").unwrap(), "b");
        assert!(vfs.stat("/a/l").unwrap().is_dir);
        assert!(!vfs.lstat("/a/l").unwrap().is_dir);
        assert_eq!(vfs.realpath("/f").unwrap(), "/a/b/c.txt");
        vfs.symlink("/loop", "/loop").unwrap();
        assert_eq!(vfs.stat("/loop").unwrap_err(), FsError("ELOOP"));
        vfs.unlink("/a/l").unwrap();
        assert!(vfs.stat("/a/b").unwrap().is_dir);
    }
}
