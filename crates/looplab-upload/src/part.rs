//! A part of the file: one tus upload (the whole file, or one piece of a parallel upload).
use crate::Instant;

/// What a part needs next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartState {
    /// No upload on the server yet: POST.
    Create,
    /// The server's offset is unknown (start of a resume, or after a failure): HEAD.
    Locate,
    /// The offset is known: PATCH the next chunk.
    Ready,
    /// A request for this part is on the wire.
    InFlight,
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Byte range of the file, `start..end`.
    pub start: u64,
    pub end: u64,
    /// The part's upload URL once created.
    pub url: Option<String>,
    /// Bytes of this part the server has acknowledged (its `Upload-Offset`).
    pub acked: u64,
    pub state: PartState,
    /// Failures in a row; reset by progress.
    pub attempts: u32,
    /// Not before this instant (backoff).
    pub wait_until: Option<Instant>,
}

impl Part {
    pub fn new(start: u64, end: u64, url: Option<String>) -> Self {
        let state = if url.is_some() {
            PartState::Locate
        } else {
            PartState::Create
        };
        Self {
            start,
            end,
            url,
            acked: 0,
            state,
            attempts: 0,
            wait_until: None,
        }
    }

    pub fn len(&self) -> u64 {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// May a request be sent for it now?
    pub fn is_due(&self, now: Instant) -> bool {
        matches!(
            self.state,
            PartState::Create | PartState::Locate | PartState::Ready
        ) && self.wait_until.is_none_or(|t| t <= now)
    }
}

/// Splits `length` bytes into at most `parallel` parts, each a whole number of chunks (but the
/// last), so that every PATCH but the last of each part is exactly one chunk.
pub fn plan_parts(length: u64, parallel: usize, chunk: u64) -> Vec<(u64, u64)> {
    let chunk = chunk.max(1);
    let chunks = length.div_ceil(chunk).max(1);
    let parallel = (parallel.max(1) as u64).min(chunks);
    let per_part = chunks.div_ceil(parallel) * chunk;
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = (start + per_part).min(length);
        out.push((start, end));
        if end >= length {
            return out;
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_cover_the_file_in_whole_chunks() {
        assert_eq!(plan_parts(0, 4, 5), vec![(0, 0)]);
        assert_eq!(plan_parts(23, 1, 5), vec![(0, 23)]);
        assert_eq!(plan_parts(23, 2, 5), vec![(0, 15), (15, 23)]);
        assert_eq!(plan_parts(4, 3, 5), vec![(0, 4)]);
        for len in 0..200 {
            for par in 1..6 {
                let parts = plan_parts(len, par, 7);
                assert!(parts.len() <= par);
                assert_eq!(parts.first().unwrap().0, 0);
                assert_eq!(parts.last().unwrap().1, len);
                assert!(
                    parts
                        .windows(2)
                        .all(|w| w[0].1 == w[1].0 && (w[0].1 - w[0].0) % 7 == 0)
                );
            }
        }
    }
}
