//! Thread-pool operations as data. Simulated, an operation runs when it is submitted (on the `Vfs`)
//! and the model only times it; with `--real` it runs on a real pool thread against the real file
//! system, and its result waits for the model's `RequestDone`, exactly as libuv's `done` callback
//! waits for the loop.
use crate::model::{Duration, RequestKind, Work, WorkKind};
use crate::vfs::{FsError, Stat, Vfs};
use looplab_core::CostModel;

#[derive(Debug, Clone)]
pub(crate) enum PoolOp {
    Read(String),
    Write {
        path: String,
        data: Vec<u8>,
        append: bool,
    },
    Stat(String),
    ReadDir(String),
    Mkdir {
        path: String,
        recursive: bool,
        mode: u32,
    },
    Lstat(String),
    Rmdir(String),
    Unlink(String),
    Rename(String, String),
    /// `fs.open`: flags as Linux numbers them.
    Open {
        path: String,
        flags: u32,
        mode: u32,
    },
    Close(i32),
    /// `fs.read`: at `position`, or at the file's own.
    ReadFd {
        fd: i32,
        length: usize,
        position: Option<u64>,
    },
    WriteFd {
        fd: i32,
        data: Vec<u8>,
        position: Option<u64>,
    },
    Fstat(i32),
    Pbkdf2 {
        password: Vec<u8>,
        salt: Vec<u8>,
        rounds: u32,
        keylen: usize,
        digest: String,
    },
    Scrypt {
        password: Vec<u8>,
        salt: Vec<u8>,
        keylen: usize,
        n: u64,
        r: u32,
        p: u32,
    },
    /// `crypto.randomBytes(n, cb)` / `randomFill`: a ChaCha20 stream from a seed drawn from the
    /// script's generator at submit (so a simulated run stays reproducible), run on the pool.
    RandomBytes {
        size: usize,
        seed: [u8; 32],
    },
    /// `dns.lookup`: getaddrinfo for one family (4 or 6) or both (0).
    Lookup {
        host: String,
        family: u8,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PoolValue {
    Bytes(Vec<u8>),
    Stat(Stat),
    Names(Vec<String>),
    Addresses(crate::dns_lookup::Addresses),
    /// A descriptor, or a count of bytes written.
    Number(u64),
    Unit,
}

/// An operation's outcome: a value, or the error code (`ENOENT`) or message JavaScript throws.
pub(crate) type PoolResult = Result<PoolValue, String>;

fn fd_value(fd: i32) -> PoolValue {
    PoolValue::Number(fd as u64)
}

fn fs<T>(r: Result<T, FsError>, f: impl FnOnce(T) -> PoolValue) -> PoolResult {
    r.map(f).map_err(|e| e.0.to_string())
}

impl PoolOp {
    /// How libuv classifies it and what it costs on the simulated pool.
    pub fn work(&self, cost: &CostModel) -> (RequestKind, Work) {
        let fs_work = |bytes: u64| Work {
            kind: WorkKind::FastIo,
            cpu: cost.fs(bytes),
            blocked: Duration::ZERO,
        };
        match self {
            PoolOp::Write { data, .. } | PoolOp::WriteFd { data, .. } => {
                (RequestKind::Fs, fs_work(data.len() as u64))
            }
            PoolOp::ReadFd { length, .. } => (RequestKind::Fs, fs_work(*length as u64)),
            PoolOp::Pbkdf2 { rounds, digest, .. } => (
                RequestKind::Work,
                Work {
                    kind: WorkKind::Cpu,
                    cpu: cost.pbkdf2_with(u64::from(*rounds), digest),
                    blocked: Duration::ZERO,
                },
            ),
            PoolOp::Scrypt { n, r, .. } => (
                RequestKind::Work,
                Work {
                    kind: WorkKind::Cpu,
                    cpu: cost.scrypt(*n, u64::from(*r)),
                    blocked: Duration::ZERO,
                },
            ),
            PoolOp::RandomBytes { size, .. } => (
                RequestKind::Work,
                Work {
                    kind: WorkKind::Cpu,
                    cpu: cost.hash(*size as u64),
                    blocked: Duration::ZERO,
                },
            ),
            // getaddrinfo waits on the resolver: slow I/O, a blocked thread more than a busy core.
            PoolOp::Lookup { .. } => (
                RequestKind::GetAddrInfo,
                Work {
                    kind: WorkKind::SlowIo,
                    cpu: Duration::from_micros(20),
                    blocked: cost.dns_lookup,
                },
            ),
            _ => (RequestKind::Fs, fs_work(0)),
        }
    }

    /// Runs against the script's virtual file system (simulation).
    pub fn run_on(self, vfs: &mut Vfs) -> PoolResult {
        match self {
            PoolOp::Read(p) => fs(vfs.read(&p), PoolValue::Bytes),
            PoolOp::Write { path, data, append } => {
                fs(vfs.write(&path, &data, append), |()| PoolValue::Unit)
            }
            PoolOp::Stat(p) => fs(vfs.stat(&p), PoolValue::Stat),
            PoolOp::ReadDir(p) => fs(vfs.read_dir(&p), PoolValue::Names),
            PoolOp::Mkdir {
                path,
                recursive,
                mode,
            } => fs(vfs.mkdir(&path, recursive, mode), |()| PoolValue::Unit),
            PoolOp::Lstat(p) => fs(vfs.lstat(&p), PoolValue::Stat),
            PoolOp::Rmdir(p) => fs(vfs.rmdir(&p), |()| PoolValue::Unit),
            PoolOp::Unlink(p) => fs(vfs.unlink(&p), |()| PoolValue::Unit),
            PoolOp::Rename(a, b) => fs(vfs.rename(&a, &b), |()| PoolValue::Unit),
            PoolOp::Open { path, flags, mode } => fs(vfs.open(&path, flags, mode), fd_value),
            PoolOp::Close(fd) => fs(vfs.close(fd), |()| PoolValue::Unit),
            PoolOp::ReadFd {
                fd,
                length,
                position,
            } => fs(vfs.read_fd(fd, length, position), PoolValue::Bytes),
            PoolOp::WriteFd { fd, data, position } => fs(vfs.write_fd(fd, &data, position), |n| {
                PoolValue::Number(n as u64)
            }),
            PoolOp::Fstat(fd) => fs(vfs.fstat(fd), PoolValue::Stat),
            PoolOp::Lookup { host, family } => {
                crate::dns_lookup::simulated(&host, family).map(PoolValue::Addresses)
            }
            op => op.run_compute(),
        }
    }

    /// Runs on a real pool thread against the real file system (`--real`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn run_real(self) -> PoolResult {
        use crate::real_disk as disk;
        use crate::real_files as files;
        match self {
            PoolOp::Read(p) => fs(disk::read(&p), PoolValue::Bytes),
            PoolOp::Write { path, data, append } => {
                fs(disk::write(&path, &data, append, 0o666), |()| {
                    PoolValue::Unit
                })
            }
            PoolOp::Stat(p) => fs(disk::stat(&p), PoolValue::Stat),
            PoolOp::ReadDir(p) => fs(disk::read_dir(&p), PoolValue::Names),
            PoolOp::Mkdir {
                path,
                recursive,
                mode,
            } => fs(disk::mkdir(&path, recursive, mode), |()| PoolValue::Unit),
            PoolOp::Lstat(p) => fs(disk::lstat(&p), PoolValue::Stat),
            PoolOp::Rmdir(p) => fs(disk::rmdir(&p), |()| PoolValue::Unit),
            PoolOp::Unlink(p) => fs(disk::unlink(&p), |()| PoolValue::Unit),
            PoolOp::Rename(a, b) => fs(disk::rename(&a, &b), |()| PoolValue::Unit),
            PoolOp::Open { path, flags, mode } => fs(files::open(&path, flags, mode), fd_value),
            PoolOp::Close(fd) => fs(files::close(fd), |()| PoolValue::Unit),
            PoolOp::ReadFd {
                fd,
                length,
                position,
            } => fs(files::read(fd, length, position), PoolValue::Bytes),
            PoolOp::WriteFd { fd, data, position } => fs(files::write(fd, &data, position), |n| {
                PoolValue::Number(n as u64)
            }),
            PoolOp::Fstat(fd) => fs(files::fstat(fd), PoolValue::Stat),
            PoolOp::Lookup { host, family } => {
                crate::dns_lookup::getaddrinfo(&host, family).map(PoolValue::Addresses)
            }
            op => op.run_compute(),
        }
    }

    fn run_compute(self) -> PoolResult {
        match self {
            PoolOp::Pbkdf2 {
                password,
                salt,
                rounds,
                keylen,
                digest,
            } => crate::bindings::pbkdf2_key(&password, &salt, rounds, keylen, &digest)
                .map(PoolValue::Bytes)
                .ok_or_else(|| format!("Digest method not supported: {digest}")),
            PoolOp::Scrypt {
                password,
                salt,
                keylen,
                n,
                r,
                p,
            } => {
                crate::bindings::scrypt_key(&password, &salt, keylen, n, r, p).map(PoolValue::Bytes)
            }
            PoolOp::RandomBytes { size, seed } => {
                use rand_core::{RngCore, SeedableRng};
                let mut out = vec![0u8; size];
                rand_chacha::ChaCha20Rng::from_seed(seed).fill_bytes(&mut out);
                Ok(PoolValue::Bytes(out))
            }
            other => unreachable!("{other:?} is a file system operation"),
        }
    }
}
