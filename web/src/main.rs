//! The Looplab playground page.
fn main() {}
