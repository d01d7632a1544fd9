//! One component per file.
pub mod phase_list;
