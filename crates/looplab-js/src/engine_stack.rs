//! The native stack a run needs. Boa parses, and runs some built-ins, by recursion on the native
//! stack; V8's parser and JSON walk also recurse, but stop at their stack limit with a catchable
//! `RangeError`. Looplab bounds those depths (`Limits::nesting`, `Limits::native_depth`,
//! `Limits::recursion`) and runs the engine on a stack that holds them with room to spare in an
//! unoptimised build, so no script reaches a stack overflow.

/// Stack reserved for the engine's thread: only the pages a run touches are ever committed.
pub const ENGINE_STACK_BYTES: usize = 1 << 30;

/// Runs `f` on a thread with the engine's stack and returns what it returns; a panic in `f`
/// comes back as `Err` with its message.
pub fn on_engine_stack<T, F>(f: F) -> Result<T, String>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let thread = std::thread::Builder::new()
        .name("looplab-engine".into())
        .stack_size(ENGINE_STACK_BYTES)
        .spawn(f)
        .map_err(|e| format!("could not start the engine's thread: {e}"))?;
    thread.join().map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the engine stopped unexpectedly".into())
    })
}
