//! A body must keep moving. A client that sends a byte now and then stays under the idle
//! timeout yet holds a thread, its receive buffers (about 1.8 MB for a checksummed body) and
//! the upload's lock until the whole-body deadline. So a body is judged in periods: each one
//! must bring at least `min_bytes`, or the body is cut as stalled.
use std::io;
use std::time::{Duration, Instant};

/// Time a read gets past a period's end before the period is judged: this thread may have
/// spent the period writing or hashing while the bytes waited in the socket.
const GRACE: Duration = Duration::from_secs(1);

#[derive(Debug)]
pub struct StallWatch {
    period: Duration,
    min_bytes: u64,
    /// When the current period ends.
    ends: Instant,
    /// Bytes that came in it.
    bytes: u64,
}

impl StallWatch {
    pub fn new(period: Duration, min_bytes: u64, now: Instant) -> Self {
        Self {
            period,
            min_bytes,
            ends: now + period,
            bytes: 0,
        }
    }

    /// How long a read may wait before the period must be judged.
    pub fn wait_until(&self, now: Instant) -> Instant {
        self.ends.max(now) + GRACE
    }

    /// `n` bytes arrived.
    pub fn arrived(&mut self, n: u64, now: Instant) -> io::Result<()> {
        self.bytes += n;
        if now < self.ends {
            return Ok(());
        }
        if self.bytes >= self.min_bytes {
            self.next(now);
            return Ok(());
        }
        match now < self.ends + GRACE {
            true => Ok(()),
            false => Err(stalled()),
        }
    }

    /// The current period has ended (a read that times out now should judge it).
    pub fn is_over(&self, now: Instant) -> bool {
        now >= self.ends
    }

    /// A read waited past the period's end and nothing came: the period is judged.
    pub fn waited(&mut self, now: Instant) -> io::Result<()> {
        if self.bytes < self.min_bytes {
            return Err(stalled());
        }
        self.next(now);
        Ok(())
    }

    fn next(&mut self, now: Instant) {
        if now >= self.ends {
            (self.ends, self.bytes) = (now + self.period, 0);
        }
    }
}

fn stalled() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "request body stalled")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trickle_is_cut_and_a_steady_body_is_not() {
        let t0 = Instant::now();
        let s = |secs: u64| t0 + Duration::from_secs(secs);
        let mut w = StallWatch::new(Duration::from_secs(10), 100, t0);
        // Steady: 60 bytes every 5 s passes every period.
        for i in 1..10 {
            w.arrived(60, s(5 * i)).unwrap();
        }
        // A trickle: 10 bytes every 3 s falls short at the next period's end.
        let mut w = StallWatch::new(Duration::from_secs(10), 100, t0);
        let cut = (1..10).find(|i| w.arrived(10, s(3 * i)).is_err());
        assert_eq!(
            cut,
            Some(4),
            "cut at 12 s, past the 10 s period and its grace"
        );
        // Silence: a read that waits to the end of the period finds the body stalled.
        let mut w = StallWatch::new(Duration::from_secs(10), 100, t0);
        assert_eq!(w.wait_until(t0), s(11));
        assert_eq!(w.waited(s(11)).unwrap_err().kind(), io::ErrorKind::TimedOut);
        // Bytes that waited while this thread was busy count for the period they ended.
        let mut w = StallWatch::new(Duration::from_secs(10), 100, t0);
        w.arrived(500, s(30)).unwrap();
        assert_eq!(w.wait_until(s(30)), s(41));
    }
}
