//! The file as equal blocks for a picture: how much of each the server acknowledged, how much is
//! on the wire, and whether bytes of it were sent and thrown away. The simulated and the real
//! upload views draw the same row.

/// One block of the file, as a view draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: u64,
    pub end: u64,
    /// Bytes of the block the server acknowledged.
    pub acked: u64,
    /// Bytes of the block on the wire now.
    pub in_flight: u64,
    /// Some of its bytes were sent and thrown away, and are not acknowledged yet.
    pub lost: bool,
}

impl Block {
    pub fn len(&self) -> u64 {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn is_acked(&self) -> bool {
        self.acked == self.len()
    }
}

/// Cuts `length` bytes into blocks of `size` and measures each against byte ranges
/// (`start..end`) acknowledged, on the wire, and lost.
pub fn blocks(
    length: u64,
    size: u64,
    acked: &[(u64, u64)],
    in_flight: &[(u64, u64)],
    lost: &[(u64, u64)],
) -> Vec<Block> {
    let size = size.max(1);
    let overlap = |ranges: &[(u64, u64)], s: u64, e: u64| -> u64 {
        ranges
            .iter()
            .map(|&(a, b)| b.min(e).saturating_sub(a.max(s)))
            .sum()
    };
    (0..length.div_ceil(size))
        .map(|i| {
            let start = i * size;
            let end = (start + size).min(length);
            let acked = overlap(acked, start, end);
            Block {
                start,
                end,
                acked,
                in_flight: overlap(in_flight, start, end),
                lost: acked < end - start && overlap(lost, start, end) > 0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_each_block_against_the_ranges() {
        let row = blocks(25, 10, &[(0, 13)], &[(13, 20)], &[(13, 25)]);
        assert_eq!(row.len(), 3);
        assert!(row[0].is_acked() && !row[0].lost);
        assert_eq!((row[1].acked, row[1].in_flight, row[1].lost), (3, 7, true));
        assert_eq!((row[2].len(), row[2].acked, row[2].lost), (5, 0, true));
        assert!(blocks(0, 10, &[], &[], &[]).is_empty());
    }
}
