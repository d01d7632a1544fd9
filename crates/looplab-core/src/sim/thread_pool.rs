//! libuv's thread pool (src/threadpool.c): one FIFO queue, and slow I/O (getaddrinfo) limited to
//! half the threads through a sentinel entry, so DNS lookups cannot starve file system calls.
use crate::uv::{RequestId, Work, WorkKind};
use std::collections::VecDeque;

/// libuv's `MAX_THREADPOOL_SIZE`.
pub const MAX_THREADPOOL_SIZE: u32 = 1024;
/// libuv's `default_threads`.
pub const DEFAULT_THREADPOOL_SIZE: u32 = 4;

/// The pool size libuv picks from `UV_THREADPOOL_SIZE` (init_threads): `atoi`, then 0 → 1 and
/// anything above 1024 → 1024; unset → 4.
pub fn size_from_env(value: Option<&str>) -> u32 {
    let Some(text) = value else {
        return DEFAULT_THREADPOOL_SIZE;
    };
    let n = atoi(text);
    if n <= 0 {
        // atoi gives 0 for junk and negative numbers wrap to huge unsigned values in libuv.
        if n < 0 { MAX_THREADPOOL_SIZE } else { 1 }
    } else {
        (n as u64).min(MAX_THREADPOOL_SIZE as u64) as u32
    }
}

/// C's `atoi`: optional whitespace and sign, then digits; stops at the first non-digit.
fn atoi(text: &str) -> i64 {
    let t = text.trim_start();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut n: i64 = 0;
    for b in digits.bytes().take_while(u8::is_ascii_digit) {
        n = n.saturating_mul(10).saturating_add((b - b'0') as i64);
    }
    if neg { -n } else { n }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Job {
    pub request: RequestId,
    pub work: Work,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    Job(Job),
    /// `run_slow_work_message`: "a slow job is waiting in `slow_io_pending`".
    SlowWork,
}

#[derive(Debug)]
pub struct ThreadPool {
    threads: u32,
    /// The job each worker runs, and whether it counts as slow I/O.
    busy: Vec<Option<(Job, bool)>>,
    wq: VecDeque<Entry>,
    slow_io_pending: VecDeque<Job>,
    slow_io_running: u32,
}

impl ThreadPool {
    pub fn new(threads: u32) -> Self {
        let threads = threads.clamp(1, MAX_THREADPOOL_SIZE);
        ThreadPool {
            threads,
            busy: vec![None; threads as usize],
            wq: VecDeque::new(),
            slow_io_pending: VecDeque::new(),
            slow_io_running: 0,
        }
    }

    pub fn threads(&self) -> u32 {
        self.threads
    }

    /// `slow_work_thread_threshold`.
    fn slow_threshold(&self) -> u32 {
        self.threads.div_ceil(2)
    }

    pub fn queued(&self) -> usize {
        self.wq
            .iter()
            .filter(|e| matches!(e, Entry::Job(_)))
            .count()
            + self.slow_io_pending.len()
    }

    pub fn job(&self, worker: u32) -> Option<Job> {
        self.busy[worker as usize].map(|(job, _)| job)
    }

    /// `post`: queues a job, then wakes one idle worker. Returns the (worker, job) pairs that start.
    pub fn post(&mut self, job: Job) -> Vec<(u32, Job)> {
        if job.work.kind == WorkKind::SlowIo {
            self.slow_io_pending.push_back(job);
            if self.wq.contains(&Entry::SlowWork) {
                // The worker that runs the queued slow job will schedule this one too.
                return Vec::new();
            }
            self.wq.push_back(Entry::SlowWork);
        } else {
            self.wq.push_back(Entry::Job(job));
        }
        self.wake_idle()
    }

    /// A worker finished its job; it looks for the next one itself (no signal needed).
    pub fn finish(&mut self, worker: u32) -> Vec<(u32, Job)> {
        if let Some((_, slow)) = self.busy[worker as usize].take()
            && slow
        {
            self.slow_io_running -= 1;
        }
        let mut started = Vec::new();
        self.take_into(worker, &mut started);
        started
    }

    /// `uv_cond_signal`: the lowest-numbered idle worker wakes and takes what it may.
    fn wake_idle(&mut self) -> Vec<(u32, Job)> {
        let mut started = Vec::new();
        if let Some(worker) = self.busy.iter().position(Option::is_none) {
            self.take_into(worker as u32, &mut started);
        }
        started
    }

    /// The body of libuv's `worker` loop once it stops waiting.
    fn take_into(&mut self, worker: u32, started: &mut Vec<(u32, Job)>) {
        loop {
            let only_slow_work_left = self.wq.len() == 1 && self.wq[0] == Entry::SlowWork;
            if self.wq.is_empty()
                || (only_slow_work_left && self.slow_io_running >= self.slow_threshold())
            {
                return;
            }
            match self.wq.pop_front() {
                Some(Entry::Job(job)) => {
                    self.busy[worker as usize] = Some((job, false));
                    started.push((worker, job));
                    return;
                }
                Some(Entry::SlowWork) => {
                    if self.slow_io_running >= self.slow_threshold() {
                        // At the limit: let the rest of the queue go first.
                        self.wq.push_back(Entry::SlowWork);
                        continue;
                    }
                    let Some(job) = self.slow_io_pending.pop_front() else {
                        continue;
                    };
                    self.slow_io_running += 1;
                    self.busy[worker as usize] = Some((job, true));
                    started.push((worker, job));
                    if !self.slow_io_pending.is_empty() {
                        self.wq.push_back(Entry::SlowWork);
                        if let Some(other) = self.busy.iter().position(Option::is_none) {
                            self.take_into(other as u32, started);
                        }
                    }
                    return;
                }
                None => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Duration;

    fn job(id: u32, kind: WorkKind) -> Job {
        Job {
            request: RequestId(id),
            work: Work {
                kind,
                cpu: Duration::from_millis(1),
                blocked: Duration::ZERO,
            },
        }
    }

    #[test]
    fn env_parsing_matches_libuv() {
        assert_eq!(size_from_env(None), 4);
        assert_eq!(size_from_env(Some("8")), 8);
        assert_eq!(size_from_env(Some("0")), 1);
        assert_eq!(size_from_env(Some("abc")), 1);
        assert_eq!(size_from_env(Some("2000")), 1024);
        assert_eq!(size_from_env(Some(" 6x")), 6);
    }

    #[test]
    fn fifth_job_waits_for_a_free_worker() {
        let mut pool = ThreadPool::new(4);
        let started: Vec<_> = (0..5)
            .flat_map(|i| pool.post(job(i, WorkKind::Cpu)))
            .collect();
        assert_eq!(started.len(), 4);
        assert_eq!(pool.queued(), 1);
        let next = pool.finish(2);
        assert_eq!(next, vec![(2, job(4, WorkKind::Cpu))]);
    }

    #[test]
    fn slow_io_uses_at_most_half_the_threads() {
        let mut pool = ThreadPool::new(4);
        let mut started = Vec::new();
        for i in 0..4 {
            started.extend(pool.post(job(i, WorkKind::SlowIo)));
        }
        assert_eq!(started.len(), 2, "{started:?}");
        // Fast work still gets the other two threads.
        started = pool.post(job(10, WorkKind::FastIo));
        assert_eq!(started.len(), 1);
        // A slow job finishing lets the next slow job run on the same worker.
        let w = pool
            .busy
            .iter()
            .position(|b| matches!(b, Some((_, true))))
            .unwrap() as u32;
        let next = pool.finish(w);
        assert_eq!(next.len(), 1);
        assert_eq!(next[0].1.work.kind, WorkKind::SlowIo);
    }
}
