//! Progress as a user should see it: acknowledged bytes, which never move backwards.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Bytes the server has confirmed (highest seen): what a progress bar shows.
    pub acked: u64,
    /// Bytes written to the wire, acknowledged or not; can fall back after a failure.
    pub sent: u64,
    pub total: u64,
}
