//! Looplab: see the crate README in ARCHITECTURE.md.
