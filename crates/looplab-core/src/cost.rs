//! What simulated work costs. Every number the simulated backend invents lives here, with a name.
//!
//! The defaults are rough measurements of node v20 on a 2-core x86_64 machine; they only need to be
//! plausible and proportionate, because ordering never depends on them except where it does in Node
//! too (a 3 ms busy wait makes a main-module `setTimeout(0)` win the race against `setImmediate`).
use crate::time::Duration;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CostModel {
    /// CPU for entering JavaScript and running a small callback on the main thread.
    pub js_callback: Duration,
    /// CPU for one promise job or `process.nextTick` callback.
    pub js_microtask: Duration,
    /// CPU for evaluating the entry script, before any callback.
    pub main_script: Duration,
    /// One bytecode instruction of JavaScript on the main thread, in picoseconds: what the work
    /// a script does costs, so a busy loop blocks the loop as long as it would in node (V8's
    /// optimising tiers run an instruction's worth of work far faster than an interpreter does;
    /// this is node's time, measured by `tests/bench/calibrate.mjs`, not the engine's).
    pub js_instruction_ps: u64,
    /// Reading a clock (`Date.now()`, `performance.now()`, `process.hrtime()`): makes busy-waits end.
    pub clock_read: Duration,
    /// A file system call on a pool thread, before the bytes, with libuv's hand-off to the worker
    /// and back (a small `fs.readFile`'s four round trips take about 0.5 ms in node 20).
    pub fs_call: Duration,
    /// Per KiB read or written by a file system call.
    pub fs_per_kib: Duration,
    /// One PBKDF2 iteration with SHA-512 (the usual teaching example), in nanoseconds; other
    /// digests scale from it.
    pub pbkdf2_iteration_ns: u64,
    /// scrypt per unit of N·r (memory-hard cost).
    pub scrypt_per_nr: Duration,
    /// Hashing per KiB (createHash, randomBytes, zlib per KiB is `zlib_per_kib`).
    pub hash_per_kib: Duration,
    /// zlib gzip/gunzip per KiB.
    pub zlib_per_kib: Duration,
    /// A synchronous file system call on the main thread (`readFileSync`), before the bytes: no
    /// hand-off to the pool, only the system calls.
    pub fs_sync_call: Duration,
    /// `JSON.parse` and `JSON.stringify` per KiB of text.
    pub json_per_kib: Duration,
    /// A regular expression per KiB of the text it scans.
    pub regex_per_kib: Duration,
    /// `Array.prototype.sort` per thousand comparisons of its own (no comparator of the script's,
    /// whose calls are JavaScript and cost as such).
    pub sort_per_kilo_compare: Duration,
    /// getaddrinfo's wait on the resolver: a pool thread blocked, not a busy core.
    pub dns_lookup: Duration,
    /// c-ares query round trip (`dns.resolve*`): no pool thread at all.
    pub dns_resolve: Duration,
    /// One-way latency of the simulated loopback network.
    pub network_latency: Duration,
    /// How long the OS lets a thread run before another runnable thread gets the core.
    pub timeslice: Duration,
    /// What a context switch costs the core that makes it.
    pub context_switch: Duration,
    /// The process's first write to stdout or stderr: Node creates the stream then (measured in
    /// node 20: the first `console.log` takes milliseconds, the next tens of microseconds).
    pub stdio_first_write: Duration,
    /// The first write to the other of stdout and stderr, once one exists.
    pub stdio_other_stream: Duration,
    /// Starting one pool thread at the first pool request; the main thread waits for them all.
    pub thread_start: Duration,
}

impl Default for CostModel {
    fn default() -> Self {
        CostModel {
            js_callback: Duration::from_micros(20),
            js_microtask: Duration::from_micros(5),
            main_script: Duration::from_micros(200),
            js_instruction_ps: 225,
            clock_read: Duration::from_micros(1),
            fs_call: Duration::from_micros(100),
            fs_per_kib: Duration::from_micros(1),
            pbkdf2_iteration_ns: 800,
            scrypt_per_nr: Duration::from_micros(1),
            hash_per_kib: Duration::from_micros(2),
            zlib_per_kib: Duration::from_micros(10),
            fs_sync_call: Duration::from_micros(10),
            json_per_kib: Duration::from_micros(12),
            regex_per_kib: Duration::from_micros(4),
            sort_per_kilo_compare: Duration::from_micros(25),
            dns_lookup: Duration::from_millis(2),
            dns_resolve: Duration::from_millis(2),
            network_latency: Duration::from_micros(50),
            timeslice: Duration::from_millis(4),
            context_switch: Duration::from_micros(5),
            stdio_first_write: Duration::from_millis(2),
            stdio_other_stream: Duration::from_micros(200),
            thread_start: Duration::from_micros(60),
        }
    }
}

impl CostModel {
    /// A file system call moving `bytes` bytes.
    pub fn fs(&self, bytes: u64) -> Duration {
        self.fs_call + self.fs_per_kib.saturating_mul(bytes.div_ceil(1024))
    }

    /// PBKDF2 with `iterations` rounds of `digest` (SHA-512, the usual teaching example, is 1;
    /// the relative costs were measured on x86_64).
    pub fn pbkdf2_with(&self, iterations: u64, digest: &str) -> Duration {
        let weight = match digest.to_ascii_lowercase().as_str() {
            "md5" => 0.3,
            "sha1" => 0.35,
            "sha224" | "sha256" => 0.5,
            _ => 1.0,
        };
        self.pbkdf2(iterations, weight)
    }

    /// A synchronous file system call on the main thread moving `bytes` bytes.
    pub fn fs_sync(&self, bytes: u64) -> Duration {
        self.fs_sync_call + self.fs_per_kib.saturating_mul(bytes.div_ceil(1024))
    }

    /// Work over `bytes` bytes of text at `per_kib`, at least a microsecond's worth.
    pub fn per_kib(per_kib: Duration, bytes: u64) -> Duration {
        per_kib.saturating_mul(bytes.div_ceil(1024).max(1))
    }

    /// PBKDF2 with `iterations` rounds; `digest_weight` is 1 for SHA-512, less for cheaper digests.
    pub fn pbkdf2(&self, iterations: u64, digest_weight: f64) -> Duration {
        let ns = self.pbkdf2_iteration_ns as f64 * iterations as f64 * digest_weight;
        Duration::from_micros((ns / 1000.0).max(1.0) as u64)
    }

    pub fn scrypt(&self, n: u64, r: u64) -> Duration {
        self.scrypt_per_nr
            .saturating_mul(n.saturating_mul(r) / 8)
            .max(Duration::from_micros(1))
    }

    pub fn hash(&self, bytes: u64) -> Duration {
        self.hash_per_kib
            .saturating_mul(bytes.div_ceil(1024).max(1))
    }

    pub fn zlib(&self, bytes: u64) -> Duration {
        self.zlib_per_kib
            .saturating_mul(bytes.div_ceil(1024).max(1))
    }
}
