//! Backoff between attempts after a failure.
use core::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backoff {
    /// Delay before the n-th retry; the last entry repeats.
    pub delays: Vec<Duration>,
    /// Failures in a row after which the client gives up.
    pub max_attempts: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        let ms = [100, 250, 500, 1000, 2000, 4000, 8000];
        Self {
            delays: ms.iter().map(|&m| Duration::from_millis(m)).collect(),
            max_attempts: 12,
        }
    }
}

impl Backoff {
    /// Delay before retrying after `attempts` failures in a row, or `None` to give up.
    pub fn delay(&self, attempts: u32) -> Option<Duration> {
        if attempts > self.max_attempts {
            return None;
        }
        let i = (attempts.saturating_sub(1) as usize).min(self.delays.len().saturating_sub(1));
        Some(self.delays.get(i).copied().unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_then_gives_up() {
        let b = Backoff::default();
        assert_eq!(b.delay(1), Some(Duration::from_millis(100)));
        assert_eq!(b.delay(2), Some(Duration::from_millis(250)));
        assert_eq!(b.delay(12), Some(Duration::from_millis(8000)));
        assert_eq!(b.delay(13), None);
    }
}
